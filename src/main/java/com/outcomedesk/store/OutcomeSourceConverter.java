package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeSource;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class OutcomeSourceConverter implements AttributeConverter<OutcomeSource, String> {
    @Override
    public String convertToDatabaseColumn(OutcomeSource source) {
        return source == null ? null : source.code();
    }

    @Override
    public OutcomeSource convertToEntityAttribute(String code) {
        return code == null ? null : OutcomeSource.fromCode(code);
    }
}
