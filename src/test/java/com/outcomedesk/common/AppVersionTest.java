package com.outcomedesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AppVersionTest {
    /** The version Maven filtered into the resource is the pom's own, read here from the pom itself. */
    @Test
    void theApplicationVersionIsThePomsVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String version = XPathFactory.newInstance().newXPath().evaluate("/project/version", pom);
        assertThat(version).isNotBlank();
        assertThat(AppVersion.current()).isEqualTo(version);
    }
}
