package com.outcomedesk.ui;

import com.outcomedesk.ui.support.Dialogs;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs answered from a script, recording what was shown: for ViewModel tests without a screen. */
public final class ScriptedDialogs implements Dialogs {
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public boolean confirmAnswer = true;

    @Override
    public void error(String title, String message) {
        errors.add(message);
    }

    @Override
    public void info(String title, String message) {
        infos.add(message);
    }

    @Override
    public boolean confirm(String title, String message) {
        return confirmAnswer;
    }

    @Override
    public Optional<Path> openFile(String title) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<T> choices, T preselected) {
        return Optional.ofNullable(preselected);
    }
}
