package com.outcomedesk.ui.support;

import java.time.LocalDate;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * The one way dates are shown and typed in the desktop app. The choice is the Settings screen's; every table and
 * date picker uses {@link #current()}. Typed text in the chosen order is accepted with any of / . - or space
 * between the numbers, and year-first (ISO, 2025-03-15) always is, so a date copied from an export never fails.
 */
public enum DateStyle {
    /** The order of the computer's language and region, with the year in full. */
    LOCALE,
    ISO,
    DAY_FIRST,
    MONTH_FIRST;

    private static final SimpleObjectProperty<DateStyle> CURRENT = new SimpleObjectProperty<>(LOCALE);
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/. ](\\d{1,2})[-/. ](\\d{1,2})");
    private static final Pattern THREE_NUMBERS = Pattern.compile("(\\d{1,4})\\s*[-/. ]\\s*(\\d{1,2})\\s*[-/. ]\\s*(\\d{1,4})");
    /** The date every example in a message shows. */
    private static final LocalDate EXAMPLE = LocalDate.of(2025, 3, 15);

    /** Makes the choice the app's; call on the FX thread. */
    public static void use(DateStyle choice) {
        CURRENT.set(choice == null ? LOCALE : choice);
    }

    public static DateStyle current() {
        return CURRENT.get();
    }

    /** For views that re-show their dates when the choice changes. */
    public static ReadOnlyObjectProperty<DateStyle> currentProperty() {
        return CURRENT;
    }

    /** How the Settings screen names the choice, with the example date written in it. */
    public String label() {
        String example = format(EXAMPLE);
        return switch (this) {
            case LOCALE -> "As this computer's region (" + example + ")";
            case ISO -> "Year first, ISO (" + example + ")";
            case DAY_FIRST -> "Day first (" + example + ")";
            case MONTH_FIRST -> "Month first (" + example + ")";
        };
    }

    /** The date written in this style; blank for no date. */
    public String format(LocalDate date) {
        return date == null ? "" : formatter(Locale.getDefault(Locale.Category.FORMAT)).format(date);
    }

    /** What to type, for a field's prompt: "dd/mm/yyyy" and the like. */
    public String hint() {
        return pattern(Locale.getDefault(Locale.Category.FORMAT)).toLowerCase(Locale.ROOT).replace("uuuu", "yyyy");
    }

    DateTimeFormatter formatter(Locale locale) {
        return DateTimeFormatter.ofPattern(pattern(locale), locale);
    }

    /** The display pattern: numbers only, year in four digits. */
    String pattern(Locale locale) {
        return switch (this) {
            case ISO -> "yyyy-MM-dd";
            case DAY_FIRST -> "dd/MM/yyyy";
            case MONTH_FIRST -> "MM/dd/yyyy";
            case LOCALE -> localePattern(locale);
        };
    }

    /** The locale's short date with the year widened, or ISO when the locale writes months as words. */
    private static String localePattern(Locale locale) {
        String p = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        String widened = p.replaceAll("[yu]+", "yyyy");
        boolean numeric = widened.replaceAll("'[^']*'", "").chars().noneMatch(c -> Character.isLetter(c) && "dMy".indexOf(c) < 0)
                && !widened.contains("MMM") && widened.contains("d") && widened.contains("M");
        return numeric ? widened : "yyyy-MM-dd";
    }

    /** The order of day, month and year in this style, as the letters 'd', 'M', 'y'. */
    String order(Locale locale) {
        StringBuilder order = new StringBuilder();
        for (char c : pattern(locale).toCharArray()) {
            if ("dMy".indexOf(c) >= 0 && order.indexOf(String.valueOf(c)) < 0) order.append(c);
        }
        return order.toString();
    }

    /** A typed date, or why the text is not one. */
    public record Parsed(LocalDate date, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public Parsed parse(String text) {
        return parse(text, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** Blank text is no date (not a problem); anything else is a date or a sentence saying what to type. */
    Parsed parse(String text, Locale locale) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return new Parsed(null, null);
        Matcher iso = YEAR_FIRST.matcher(t);
        if (iso.matches()) return date(t, number(iso, 1), number(iso, 2), number(iso, 3), locale);
        Matcher m = THREE_NUMBERS.matcher(t);
        String order = order(locale);
        if (!m.matches() || order.startsWith("y")) return new Parsed(null, notADate(t, "", locale));
        int first = number(m, 1);
        int second = number(m, 2);
        String year = m.group(3);
        if (m.group(1).length() > 2) return new Parsed(null, notADate(t, "", locale));
        if (year.length() != 4) {
            return new Parsed(null, notADate(t, " Write the year in full, as in " + formatter(locale).format(EXAMPLE) + ".", locale));
        }
        int day = order.indexOf('d') < order.indexOf('M') ? first : second;
        int month = day == first ? second : first;
        return date(t, Integer.parseInt(year), month, day, locale);
    }

    private Parsed date(String text, int year, int month, int day, Locale locale) {
        if (month < 1 || month > 12) {
            return new Parsed(null, notADate(text, " There is no month " + month + ".", locale));
        }
        int days = LocalDate.of(year, month, 1).lengthOfMonth();
        if (day < 1 || day > days) {
            return new Parsed(null, notADate(text, " " + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + year + " has " + days + " days.", locale));
        }
        return new Parsed(LocalDate.of(year, month, day), null);
    }

    private String notADate(String text, String why, Locale locale) {
        String shown = text.length() > 30 ? text.substring(0, 30) + "..." : text;
        String example = formatter(locale).format(EXAMPLE);
        String as = example.equals("2025-03-15") ? example : example + " or 2025-03-15";
        return "\u201c" + shown + "\u201d is not a date." + why + " Type a date such as " + as + ", or pick one from the calendar.";
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /**
     * Puts a date picker on the app's style: it shows and reads dates in the current style, parses what was typed
     * when it loses focus (and on {@link Converter#commit()}), and never throws: text that is not a date stays in
     * the field and its reason is in {@link Converter#problemProperty()}, for a label beside the field.
     */
    public static Converter attach(DatePicker picker) {
        Converter converter = new Converter(picker);
        picker.setConverter(converter);
        return converter;
    }

    /** The problems of several date fields (a from/to pair), one after the other, for one label below them. */
    public static StringBinding problems(Converter... converters) {
        return Bindings.createStringBinding(() -> java.util.Arrays.stream(converters).map(c -> c.problem.get())
                .filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.joining(" ")),
                java.util.Arrays.stream(converters).map(c -> c.problem).toArray(javafx.beans.Observable[]::new));
    }

    /** A date picker's converter; see {@link #attach(DatePicker)}. */
    public static final class Converter extends StringConverter<LocalDate> {
        private final DatePicker picker;
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
        /** Text that is not a date, kept in the field until the user changes it or picks a date. */
        private String rejected;
        private final ChangeListener<DateStyle> restyle;

        private Converter(DatePicker picker) {
            this.picker = picker;
            // A prompt such as "From" keeps its word and gets what to type after it.
            String word = picker.getPromptText() == null || picker.getPromptText().isBlank() ? "" : picker.getPromptText() + " ";
            picker.setPromptText(word + current().hint());
            // Runs before the skin's listener (the skin comes later), so a picked date replaces the rejected text.
            picker.valueProperty().addListener((o, old, value) -> {
                rejected = null;
                problem.set("");
            });
            restyle = (o, old, style) -> {
                picker.setPromptText(word + style.hint());
                if (rejected == null) picker.getEditor().setText(toString(picker.getValue()));
            };
            CURRENT.addListener(new WeakChangeListener<>(restyle));
        }

        @Override
        public String toString(LocalDate date) {
            return rejected != null ? rejected : current().format(date);
        }

        /** The typed date; for text that is not a date, the picker's value as it was, and the reason is reported. */
        @Override
        public LocalDate fromString(String text) {
            Parsed parsed = current().parse(text);
            if (parsed.ok()) {
                rejected = null;
                problem.set("");
                return parsed.date();
            }
            rejected = text;
            problem.set(parsed.problem());
            return picker.getValue();
        }

        /** Reads what is typed into the value now (for Save, which may come before the field loses focus). */
        public boolean commit() {
            String text = picker.getEditor().getText();
            LocalDate date = fromString(text);
            if (problem.get().isEmpty()) {
                picker.setValue(date);
                picker.getEditor().setText(toString(date));
            }
            return problem.get().isEmpty();
        }

        /** Why the typed text is not a date; empty when it is one (or is blank). */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }
    }
}
