package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rows written by JsonBytes are byte for byte what Jackson's generator, encoded as UTF-8, writes for the same values. */
class JsonBytesTest {
    @Provide
    Arbitrary<String> texts() {
        // Control characters, quotes, backslashes, Latin, CJK and characters beyond the BMP (surrogate pairs).
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u00FF').map(String::valueOf),
                Arbitraries.of("\"", "\\", "/", "\u007F", "\u2028", "\u4E2D", "\uD83D\uDE00", "\uFFFD", "abc"));
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, 1e-7, 1e23));
    }

    @Property(tries = 2_000)
    void writesWhatJacksonWrites(@ForAll("texts") String text, @ForAll("numbers") double number, @ForAll boolean flag) throws IOException {
        StringWriter expected = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(expected)) {
            g.writeStartObject();
            g.writeStringField("term", text);
            g.writeNumberField("weight", number);
            g.writeBooleanField("known", flag);
            g.writeStringField("id", null);
            g.writeEndObject();
        }
        byte[] actual = new JsonBytes(4).raw("{\"term\":").string(text).raw(",\"weight\":").number(number).raw(",\"known\":").bool(flag)
                .raw(",\"id\":").string(null).raw("}").toArray();
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(actual).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }
}
