package com.outcomedesk.ui.support;

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

    /** Shows the items through a sorted view that follows the table's sort order. */
    public static <T> void show(TableView<T> table, ObservableList<T> items) {
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    /**
     * A column that sorts by a comparable value and shows it as text; rows without a value sort first.
     * @param format how the value reads in the cell
     */
    public static <T, V extends Comparable<? super V>> void column(TableColumn<T, V> column, Function<T, V> value,
                                                                   Function<V, String> format) {
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
    }
}
