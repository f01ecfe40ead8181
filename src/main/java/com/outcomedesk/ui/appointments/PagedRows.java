package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.appointments.AppointmentSort;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.ui.support.Background;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableListBase;

/**
 * A list of a known size whose rows are fetched page by page when the table first asks for them, so a
 * million appointments open as fast as one page. Each element is a slot whose row arrives later; cells
 * bind to the slot, so no list change events (and no lost selection) are needed when a page lands.
 * Only the most recently used pages are kept, and a page scrolled past before its turn is never fetched.
 * A long list also reads where every page begins, after which any page is read by seeking to it rather than
 * by skipping every row before it.
 */
public final class PagedRows extends ObservableListBase<PagedRows.Slot> {
    static final int PAGE_SIZE = 100;
    private static final int PAGES_KEPT = 30;
    /** Below this many pages, skipping rows is cheap enough. */
    private static final int SEEK_FROM_PAGES = 20;

    private final AppointmentService service;
    private final AppointmentQuery query;
    private final AppointmentSort sort;
    private final int size;
    private final Background background;
    private final Consumer<Throwable> onFailure;
    private final Function<List<UUID>, Map<UUID, PredictionService.Saved>> predictions;
    private volatile List<AppointmentService.PageStart> starts;
    private final Map<Integer, Page> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Page> eldest) {
            if (size() <= PAGES_KEPT) return false;
            eldest.getValue().evicted = true;
            return true;
        }
    };

    /** @param predictions the latest saved prediction of each of a page's appointments, read with the page */
    public PagedRows(AppointmentService service, AppointmentQuery query, AppointmentSort sort, long count,
                     Function<List<UUID>, Map<UUID, PredictionService.Saved>> predictions, Background background,
                     Consumer<Throwable> onFailure) {
        this.predictions = predictions;
        this.service = service;
        this.query = query;
        this.sort = sort;
        this.size = (int) Math.min(Integer.MAX_VALUE, count);
        this.background = background;
        this.onFailure = onFailure;
        // Seeking is for the newest-first order; the other orders walk their own index, a pass per page.
        if (size > SEEK_FROM_PAGES * PAGE_SIZE && sort.equals(AppointmentSort.NEWEST_FIRST)) {
            // Should this fail, pages are still read by position, only more slowly deep in the list.
            background.load(p -> service.pageStarts(query, PAGE_SIZE), s -> starts = s, failure -> { });
        }
    }

    @Override
    public Slot get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        int pageIndex = index / PAGE_SIZE;
        Page page = pages.get(pageIndex);
        if (page == null) {
            page = new Page(Math.min(PAGE_SIZE, size - pageIndex * PAGE_SIZE));
            pages.put(pageIndex, page);
            fetch(pageIndex, page);
        }
        return page.slots[index % PAGE_SIZE];
    }

    @Override
    public int size() {
        return size;
    }

    public AppointmentQuery query() {
        return query;
    }

    private void fetch(int pageIndex, Page page) {
        background.load(p -> page.evicted ? null : withPredictions(read(pageIndex, page.slots.length)),
                list -> {
                    if (list == null) return;
                    for (int i = 0; i < page.slots.length && i < list.size(); i++) page.slots[i].row.set(list.get(i));
                },
                failure -> {
                    pages.remove(pageIndex);
                    onFailure.accept(failure);
                });
    }

    private List<AppointmentRow> withPredictions(List<StoredAppointment> rows) {
        Map<UUID, PredictionService.Saved> latest = predictions.apply(rows.stream().map(StoredAppointment::id).toList());
        return rows.stream().map(a -> AppointmentRow.of(a, latest.get(a.id()))).toList();
    }

    private List<StoredAppointment> read(int pageIndex, int length) {
        List<AppointmentService.PageStart> known = starts;
        return known != null && pageIndex < known.size()
                ? service.pageFrom(query, known.get(pageIndex), length)
                : service.page(query, sort, pageIndex * PAGE_SIZE, length);
    }

    private static final class Page {
        final Slot[] slots;
        volatile boolean evicted;

        Page(int length) {
            slots = new Slot[length];
            for (int i = 0; i < length; i++) slots[i] = new Slot();
        }
    }

    /** One position in the list; its row is null until its page has been read. */
    public static final class Slot {
        private final ReadOnlyObjectWrapper<AppointmentRow> row = new ReadOnlyObjectWrapper<>();

        public ReadOnlyObjectProperty<AppointmentRow> rowProperty() {
            return row.getReadOnlyProperty();
        }

        public AppointmentRow row() {
            return row.get();
        }
    }
}
