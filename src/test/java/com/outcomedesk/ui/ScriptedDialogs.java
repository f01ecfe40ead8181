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
    public final Deque<String> secrets = new ArrayDeque<>();
    /** Which choice to pick next (by index); when empty, the preselected one. */
    public final Deque<Integer> choices = new ArrayDeque<>();
    public final List<String> confirmations = new ArrayList<>();
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
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> openFile(String title) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> openBackup(String title) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<char[]> secret(String title, String message) {
        return Optional.ofNullable(secrets.poll()).map(String::toCharArray);
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<T> choices, T preselected) {
        Integer index = this.choices.poll();
        return Optional.ofNullable(index == null ? preselected : choices.get(index));
    }
}
