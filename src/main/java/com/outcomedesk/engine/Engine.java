package com.outcomedesk.engine;

import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.audit.AuditLog;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.backup.StoreBackup;
import com.outcomedesk.appointments.OutcomeMappingService;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.insight.DiseaseInsights;
import com.outcomedesk.insight.DoctorInsights;
import com.outcomedesk.outcome.KeywordRules;
import com.outcomedesk.security.AccountService;
import com.outcomedesk.security.PasswordHasher;
import com.outcomedesk.security.SecuritySettings;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.monitor.MonitorService;
import com.outcomedesk.retrain.RetrainingService;
import com.outcomedesk.settings.DisplaySettings;
import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.store.SettingsRepository;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.sync.SyncService;
import com.outcomedesk.transfer.Exporter;
import com.outcomedesk.transfer.Importer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine behind both the desktop app and the command line: one open store and the services on it.
 * This is the composition root; the UI and the CLI depend on it, never the reverse.
 */
public final class Engine implements AutoCloseable {
    private final Database database;
    private final SettingsRepository settings;
    private final ChangeStamper stamper;
    private final OutcomeMappingService outcomes;
    private final AppointmentService appointments;
    private final Importer importer;
    private final Exporter exporter;
    private final AuditTrail audit;
    private final StoreBackup backup;
    private final ModelRegistry models;
    private final TrainingService training;
    private final PredictionService predictions;
    private final DoctorInsights doctors;
    private final DiseaseInsights diseases;
    private final AccountService accounts;
    private final AuditLog auditLog;
    private final SecuritySettings securitySettings;
    private final DisplaySettings displaySettings;
    private final SyncService sync;
    private final MonitoringSettings monitoringSettings;
    private final MonitorService monitor;
    private final List<Runnable> closing = new CopyOnWriteArrayList<>();
    private final RetrainingService retraining;

    private Engine(Database database, Clock clock) {
        this.database = database;
        this.settings = new SettingsRepository(database);
        this.stamper = new ChangeStamper(clock, HybridClock.system(), settings.siteId());
        this.audit = new AuditTrail(database, stamper,
                StoreSecrets.of(database.location()).key(StoreSecrets.Purpose.AUDIT_CHAIN));
        this.outcomes = new OutcomeMappingService(database, KeywordRules.defaults(), stamper, audit);
        this.appointments = new AppointmentService(database, outcomes, stamper, audit);
        this.importer = new Importer(database, outcomes, stamper, audit);
        this.exporter = new Exporter(database, audit);
        this.auditLog = new AuditLog(database, audit);
        this.securitySettings = new SecuritySettings(settings, audit);
        this.displaySettings = new DisplaySettings(settings, audit);
        this.accounts = new AccountService(database, audit, stamper, PasswordHasher.DEFAULT);
        this.backup = new StoreBackup(database, settings, audit, clock);
        this.models = new ModelRegistry(database, stamper, audit);
        this.training = new TrainingService(database, models, clock);
        this.predictions = new PredictionService(database, models, settings, stamper, audit);
        this.doctors = new DoctorInsights(database, audit);
        this.diseases = new DiseaseInsights(database, audit, ClinicalEntityExtractor.defaults());
        this.sync = new SyncService(database, settings, stamper, audit, appointments);
        this.monitoringSettings = new MonitoringSettings(settings, audit);
        this.monitor = new MonitorService(database, models, monitoringSettings, stamper, audit, backup);
        this.retraining = new RetrainingService(database, training, models, monitor, settings, stamper, audit);
    }

    public static Engine open(StoreLocation location) {
        return open(location, Clock.systemUTC());
    }

    public static Engine open(StoreLocation location, Clock clock) {
        Database database = Database.open(location);
        try {
            return new Engine(database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() { return database; }
    public SettingsRepository settings() { return settings; }
    public ChangeStamper stamper() { return stamper; }
    public OutcomeMappingService outcomes() { return outcomes; }
    public AppointmentService appointments() { return appointments; }
    public Importer importer() { return importer; }
    public Exporter exporter() { return exporter; }
    public AuditTrail audit() { return audit; }
    public StoreBackup backup() { return backup; }
    public com.outcomedesk.backup.ScheduledBackups scheduledBackups() {
        return new com.outcomedesk.backup.ScheduledBackups(backup, settings, Clock.systemDefaultZone());
    }
    public ModelRegistry models() { return models; }
    public TrainingService training() { return training; }
    public PredictionService predictions() { return predictions; }
    public DoctorInsights doctors() { return doctors; }
    public DiseaseInsights diseases() { return diseases; }
    public AccountService accounts() { return accounts; }
    public AuditLog auditLog() { return auditLog; }
    public SecuritySettings securitySettings() { return securitySettings; }
    public DisplaySettings displaySettings() { return displaySettings; }
    public SyncService sync() { return sync; }
    public MonitoringSettings monitoringSettings() { return monitoringSettings; }
    public MonitorService monitor() { return monitor; }
    public RetrainingService retraining() { return retraining; }

    /** Runs when the engine closes, before the store does: e.g. the desktop's idle lock stops checking. */
    public void whenClosing(Runnable stop) {
        closing.add(stop);
    }

    @Override
    public void close() {
        closing.forEach(Runnable::run);
        sync.close();
        database.close();
    }
}
