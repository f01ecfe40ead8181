package com.outcomedesk.ui.support;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Tables whose columns sort by their values (numbers as numbers, not as text) while the ViewModel's
 * list keeps its own order: clicking a header sorts a view of the list, never the list itself.
 */
public final class SortedTables {
    private SortedTables() {
    }

    /** A table over the rows, shown through a sorted view that follows whichever headers the user clicked. */
    public static <T> TableView<T> table(ObservableList<T> rows) {
        TableView<T> table = new TableView<>();
        show(table, rows);
        return table;
    }

    /** Shows the items through a sorted view that follows the table's sort order. */
    public static <T> void show(TableView<T> table, ObservableList<T> items) {
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    /**
     * Orders figures as numbers ("9,486" before "12,000", "0.7" after "0.681"), text as text, numbers
     * before text, empty cells first: for columns whose rows mix kinds, such as a metric comparison.
     */
    public static final Comparator<String> FIGURES = (a, b) -> {
        boolean blankA = a == null || a.isBlank(), blankB = b == null || b.isBlank();
        if (blankA || blankB) return Boolean.compare(!blankA, !blankB);
        Double x = number(a), y = number(b);
        if (x != null && y != null) return Double.compare(x, y);
        if (x != null || y != null) return x != null ? -1 : 1;
        return String.CASE_INSENSITIVE_ORDER.compare(a, b);
    };

    private static Double number(String s) {
        String t = s.strip().replace(",", "");
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A column that sorts by a comparable value and shows it as text; rows without a value sort first.
     * @param format how the value reads in the cell
     */
    public static <T, V extends Comparable<? super V>> void column(TableColumn<T, V> column, Function<T, V> value,
                                                                   Function<V, String> format) {
        column(column, value, Comparator.naturalOrder(), format);
    }

    /** A new text column, sorted without regard to case. */
    public static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        column(c, value, String.CASE_INSENSITIVE_ORDER, t -> t);
        return c;
    }

    /** A new column that sorts by {@code value} in {@code order} and shows it through {@code format}. */
    public static <T, V> TableColumn<T, V> sorted(String title, Function<T, V> value, Comparator<V> order,
                                                 Function<V, String> format) {
        TableColumn<T, V> c = new TableColumn<>(title);
        column(c, value, order, format);
        return c;
    }

    private static <T, V> void column(TableColumn<T, V> column, Function<T, V> value, Comparator<V> order,
                                      Function<V, String> format) {
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        column.setComparator(Comparator.nullsFirst(order));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
    }
}
