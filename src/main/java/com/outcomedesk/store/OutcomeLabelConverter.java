package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeLabel;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class OutcomeLabelConverter implements AttributeConverter<OutcomeLabel, String> {
    @Override
    public String convertToDatabaseColumn(OutcomeLabel label) {
        return label == null ? null : label.code();
    }

    @Override
    public OutcomeLabel convertToEntityAttribute(String code) {
        return code == null ? null : OutcomeLabel.fromCode(code);
    }
}
