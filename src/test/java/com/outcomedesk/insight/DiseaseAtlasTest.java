package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.OutcomeStatisticsRepository;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiseaseAtlasTest {
    /**
     * The reference sample's atlas, shared by the tests that only read it: an atlas is immutable and its store is closed
     * once it is built, so no test can change what another sees. Tests that use a store open their own.
     */
    static DiseaseAtlas atlas;

    @BeforeAll
    static void buildReferenceAtlas(@TempDir Path dir) {
        try (Engine reference = referenceStore(dir)) {
            atlas = reference.diseases().atlas(Actor.localUser());
        }
    }

    private static Engine referenceStore(Path dir) {
        Engine engine = Engine.open(TestStores.h2(dir.resolve("reference")));
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        return engine;
    }

    @Test
    void theReferenceDiseasesAreProfiledGroupedAndExplained() {
        assertThat(atlas.scanned()).isEqualTo(400);
        assertThat(atlas.profiles()).extracting(DiseaseProfile::name)
                .contains("diabetes", "hypertension", "asthma", "eczema", "migraine", "anemia", "bronchitis", "sinusitis");
        assertThat(atlas.groups().size()).isBetween(2, DiseaseClustering.MAX_K);
        assertThat(atlas.groups().stream().mapToInt(DiseaseGroup::size).sum()).isEqualTo(atlas.profiles().size());
        for (DiseaseGroup g : atlas.groups()) {
            assertThat(g.members()).hasSize(g.size());
            assertThat(g.silhouette()).isBetween(-1.0, 1.0);
            assertThat(g.sharedFeatures())
                    .allMatch(f -> f.groupShare() - f.overallShare() >= 0.01, "at least a point more often than overall")
                    .allMatch(f -> f.type().matches("symptom|finding|test|medication|treatment|plan|referral"), "clinical");
            assertThat(g.outcomes()).extracting(OutcomeShare::category).containsExactly("excellent", "good", "neutral", "poor", "critical");
            assertThat(g.outcomes().stream().mapToDouble(OutcomeShare::groupShare).sum()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(atlas.groups()).filteredOn(g -> g.size() > 1).isNotEmpty().allMatch(g -> !g.sharedFeatures().isEmpty());
        ClusteringCandidate best = atlas.candidates().stream()
                .max(java.util.Comparator.comparingDouble(ClusteringCandidate::silhouette)).orElseThrow();
        assertThat(atlas.chosen().silhouette()).isEqualTo(best.silhouette());
        assertThat(atlas.map()).hasSize(atlas.profiles().size()).allMatch(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()));
    }

    @Test
    void profilesCountCoOccurringFeaturesAndOutcomes() {
        DiseaseProfile diabetes = atlas.profile("Diabetes");
        assertThat(diabetes.appointments()).isPositive();
        assertThat(diabetes.features().keySet()).allMatch(k -> k.matches("(symptom|finding|test|medication|treatment|plan|referral):.+"));
        assertThat(diabetes.withOutcome()).isEqualTo(diabetes.appointments());
    }

    @Test
    void outcomesDoNotMakeDiseasesAlikeTheirNotesDo() {
        // Asthma and eczema notes say the same, as do diabetes and hypertension; asthma and diabetes always end well,
        // eczema and hypertension always badly. Grouping by outcome would pair them by severity.
        Map<String, Long> chest = Map.of("symptom:cough", 50L, "test:x-ray", 40L);
        Map<String, Long> metabolic = Map.of("symptom:fatigue", 50L, "test:blood test", 40L);
        Map<String, Long> well = Map.of("excellent", 100L);
        Map<String, Long> badly = Map.of("critical", 100L);
        List<DiseaseProfile> diseases = List.of(new DiseaseProfile("asthma", 100, chest, well),
                new DiseaseProfile("eczema", 100, chest, badly), new DiseaseProfile("diabetes", 100, metabolic, well),
                new DiseaseProfile("hypertension", 100, metabolic, badly));
        DiseaseProfile all = new DiseaseProfile("all diseases", 400, Map.of("symptom:cough", 100L, "test:x-ray", 80L,
                "symptom:fatigue", 100L, "test:blood test", 80L), Map.of("excellent", 200L, "critical", 200L));
        DiseaseAtlas alike = new DiseaseAtlas(new DiseaseProfiles(400, all, diseases), 5, DiseaseInsights.DEFAULT_SEED,
                ClinicalEntityExtractor.defaults());

        assertThat(alike.similarTo("asthma", 1)).singleElement()
                .satisfies(s -> assertThat(s.disease()).isEqualTo("eczema"))
                .satisfies(s -> assertThat(s.similarity()).isCloseTo(1.0, within(1e-9)));
        DiseaseGroup chestGroup = alike.groups().stream().filter(g -> g.members().contains("asthma")).findFirst().orElseThrow();
        assertThat(chestGroup.members()).containsExactlyInAnyOrder("asthma", "eczema");
        assertThat(chestGroup.sharedFeatures()).extracting(SharedFeature::name).containsExactly("cough", "x-ray");
        assertThat(chestGroup.sharedFeatures().get(0).groupShare()).isCloseTo(0.5, within(1e-9));
        assertThat(chestGroup.outcomes()).filteredOn(o -> o.category().equals("excellent")).singleElement()
                .satisfies(o -> assertThat(o.groupShare()).isCloseTo(0.5, within(1e-9)));
    }

    @Test
    void smallPagesGiveTheSameProfilesAsOnePage(@TempDir Path dir) {
        try (Engine reference = referenceStore(dir)) {
            DiseaseProfiles paged = new DiseaseProfiler(ClinicalEntityExtractor.defaults(), 37)
                    .build(new OutcomeStatisticsRepository(reference.database()));
            assertThat(paged).isEqualTo(reference.diseases().profiles());
            assertThat(paged.scanned()).isEqualTo(400);
        }
    }

    @Test
    void groupingIsStableForTheSameData(@TempDir Path dir) {
        try (Engine reference = referenceStore(dir)) {
            DiseaseAtlas again = reference.diseases().atlas(Actor.localUser());
            assertThat(again.groups()).isEqualTo(atlas.groups());
            assertThat(again.chosen()).isEqualTo(atlas.chosen());
        }
    }

    @Test
    void similarResolvesDictionarySpellingsAndRanksBySimilarity() {
        List<SimilarDisease> similar = atlas.similarTo("HTN", 3);
        assertThat(similar).hasSize(3).noneMatch(s -> s.disease().equals("hypertension"));
        assertThat(similar.get(0).similarity()).isGreaterThanOrEqualTo(similar.get(2).similarity());
        assertThat(atlas.similarTo("migraines", 100)).hasSize(atlas.profiles().size() - 1);
    }

    @Test
    void tooFewSimilarDiseasesIsRefusedByFieldAndLimit() {
        InvalidRequestException e = catchThrowableOfType(() -> atlas.similarTo("asthma", 0), InvalidRequestException.class);
        assertThat(e.field()).isEqualTo("top");
        assertThat(e.reason()).isEqualTo(InvalidRequestException.Reason.OUT_OF_RANGE);
        assertThat(e.min()).hasValue(1);
        assertThat(e.getMessage()).isEqualTo("top must be at least 1");
    }

    @Test
    void anUnknownDiseaseListsCloseSpellings() {
        assertThatThrownBy(() -> atlas.similarTo("diabetis", 3))
                .isInstanceOf(UnknownDiseaseException.class)
                .hasMessageContaining("diabetes")
                .satisfies(e -> assertThat(((UnknownDiseaseException) e).closeSpellings()).contains("diabetes"));
        assertThatThrownBy(() -> atlas.similarTo("xyzzy", 3)).isInstanceOf(UnknownDiseaseException.class)
                .hasMessageContaining("Profiled diseases");
    }

    @Test
    void demoDataIsProfiledAndGrouped(@TempDir Path demoDir) throws Exception {
        Path file = demoDir.resolve("demo.json");
        DemoDataWriter.write(new DemoDataGenerator(3, 12, 0.05), 6_000, file, null, ProgressListener.NONE);
        try (Engine engine = Engine.open(TestStores.h2(demoDir.resolve("store")))) {
            engine.importer().importFile(file, Actor.localUser(), ProgressListener.NONE);
            DiseaseProfiles profiles = engine.diseases().profiles();
            assertThat(profiles.scanned()).isEqualTo(6_000);
            DiseaseAtlas demo = engine.diseases().atlas(profiles, DiseaseInsights.DEFAULT_MIN_MENTIONS, DiseaseInsights.DEFAULT_SEED);
            assertThat(demo.profiles().size()).isGreaterThan(5);
            assertThat(demo.groups()).isNotEmpty();
            assertThat(demo.groups().stream().mapToInt(DiseaseGroup::size).sum()).isEqualTo(demo.profiles().size());
            assertThat(demo.similarTo(demo.profiles().get(0).name(), 3)).hasSize(3);
        }
    }
}
