package com.outcomedesk.server.http;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.appointments.AppointmentSort;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.store.StoredAppointment;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One page of the appointment list with the desktop list's filters and orders. Pages go by {@code offset}, or (newest
 * first only) by the {@code cursor} each page answers as {@code next}: a seek on the index, as the desktop pages, so a
 * deep page costs no more than the first.
 */
final class AppointmentPages {
    static final int MAX_PAGE = 500;

    private AppointmentPages() {
    }

    static Map<String, Object> page(AppointmentService appointments, Context ctx) {
        AppointmentQuery query = query(ctx);
        AppointmentSort sort = sort(ctx);
        int limit = Requests.intQuery(ctx, "limit", 50, 1, MAX_PAGE);
        String cursor = ctx.queryParam("cursor");
        boolean seek = cursor != null && !cursor.isBlank();
        if (seek && (!sort.equals(AppointmentSort.NEWEST_FIRST) || ctx.queryParam("offset") != null)) {
            throw ProblemException.invalid("cursor", "conflicting", "cursor pages the newest-first order only; send it without sort, order or offset.");
        }
        int offset = seek ? 0 : Requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        // One row more than asked: where the next page begins, if there is one.
        List<StoredAppointment> rows = seek ? appointments.pageFrom(query, decode(cursor), limit + 1)
                : appointments.page(query, sort, offset, limit + 1);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("offset", seek ? null : offset);
        doc.put("limit", limit);
        doc.put("total", appointments.count(query));
        doc.put("next", rows.size() > limit && sort.equals(AppointmentSort.NEWEST_FIRST) ? encode(rows.get(limit)) : null);
        doc.put("items", rows.stream().limit(limit).map(AppointmentJson::of).toList());
        return doc;
    }

    private static AppointmentQuery query(Context ctx) {
        String outcome = ctx.queryParam("outcome");
        Boolean known = outcome == null || outcome.isBlank() ? null : switch (outcome.strip()) {
            case "known" -> true;
            case "unknown" -> false;
            default -> throw ProblemException.invalid("outcome", "unknown", "outcome must be known or unknown.");
        };
        String category = ctx.queryParam("category");
        OutcomeCategory c = null;
        if (category != null && !category.isBlank()) {
            try {
                c = OutcomeCategory.fromCode(category);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("category", "unknown", "category must be one of excellent, good, neutral, poor, critical.");
            }
        }
        return new AppointmentQuery(blankToNull(ctx.queryParam("doctorId")), known, c, date(ctx, "from"), date(ctx, "to"),
                blankToNull(ctx.queryParam("q")), blankToNull(ctx.queryParam("patientRef")));
    }

    private static AppointmentSort sort(Context ctx) {
        String key = ctx.queryParam("sort");
        String order = ctx.queryParam("order");
        AppointmentSort.Key k = AppointmentSort.Key.CREATED;
        if (key != null && !key.isBlank()) {
            try {
                k = AppointmentSort.Key.valueOf(key.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("sort", "unknown", "sort must be one of created, date, doctor, patient, category.");
            }
        }
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw ProblemException.invalid("order", "unknown", "order must be asc or desc.");
        }
        return new AppointmentSort(k, !"asc".equals(order));
    }

    private static LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "malformed", name + " must be a date as YYYY-MM-DD.");
        }
    }

    private static String encode(StoredAppointment first) {
        String raw = first.createdAt() + "|" + first.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static AppointmentService.PageStart decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new AppointmentService.PageStart(OffsetDateTime.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "malformed", "cursor must be a next value a page answered, unchanged.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
