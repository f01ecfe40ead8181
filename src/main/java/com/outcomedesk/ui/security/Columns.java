package com.outcomedesk.ui.security;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Table columns that sort by their value (numbers as numbers, times as times) while showing it as text, and
 * tables whose sort order survives a reload of their rows.
 */
final class Columns {
    private Columns() {
    }

    /** A table over the rows, sorted by whichever column headers the user clicked. */
    static <T> TableView<T> sortedTable(ObservableList<T> rows) {
        SortedList<T> sorted = new SortedList<>(rows);
        TableView<T> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return table;
    }

    static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator(Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
        return c;
    }

    /** Sorts by {@code value} in its own order and shows it through {@code shown}. */
    static <T, V> TableColumn<T, V> sorted(String title, Function<T, V> value, Comparator<V> order,
                                           Function<V, String> shown) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator(Comparator.nullsFirst(order));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : shown.apply(item));
            }
        });
        return c;
    }
}
