package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a category by its lower-case code, the key of the outcome_categories table. */
@Converter
public class OutcomeCategoryConverter implements AttributeConverter<OutcomeCategory, String> {
    @Override
    public String convertToDatabaseColumn(OutcomeCategory category) {
        return category == null ? null : category.code();
    }

    @Override
    public OutcomeCategory convertToEntityAttribute(String code) {
        return code == null ? null : OutcomeCategory.fromCode(code);
    }
}
