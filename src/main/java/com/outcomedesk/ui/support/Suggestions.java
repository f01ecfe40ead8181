package com.outcomedesk.ui.support;

import java.util.Collection;
import java.util.function.Function;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * ControlsFX autocompletion that gets out of the way: a click outside the suggestions reaches what was clicked
 * (by default the popup swallows it), and the suggestions close when the field loses focus.
 */
public final class Suggestions {
    private Suggestions() {
    }

    public static <T> AutoCompletionBinding<T> bind(TextField field, Function<String, ? extends Collection<T>> suggestions) {
        AutoCompletionBinding<T> binding = TextFields.bindAutoCompletion(field, r -> suggestions.apply(r.getUserText()));
        binding.getAutoCompletionPopup().setConsumeAutoHidingEvents(false);
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) binding.getAutoCompletionPopup().hide();
        });
        return binding;
    }
}
