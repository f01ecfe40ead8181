package com.outcomedesk.learn;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;

/** Demo datasets for the learning tests, with the true probability of every row. */
final class LearnFixtures {
    record Demo(Dataset data, double[] truth) {
    }

    static Demo demo(int rows, long seed) {
        Featurizer featurizer = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());
        DatasetBuilder builder = new DatasetBuilder(featurizer);
        DemoDataGenerator generator = new DemoDataGenerator(seed, DemoDataGenerator.defaultDoctorCount(rows), 0);
        double[] truth = new double[rows];
        for (int i = 0; i < rows; i++) {
            DemoRecord r = generator.next();
            truth[i] = r.probabilityWorse();
            builder.add(r.id(), r.doctorId(), r.summary(), r.appointmentDate(), r.trueCategory());
        }
        return new Demo(builder.build().dataset(), truth);
    }

    private LearnFixtures() {
    }
}
