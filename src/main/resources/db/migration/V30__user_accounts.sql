-- User accounts. A store without rows here runs without sign-in (scripts, tests); once the first
-- administrator exists every command and the desktop app require a user name and password.
CREATE TABLE user_accounts (
    user_name           VARCHAR(100) PRIMARY KEY,
    role                VARCHAR(16) NOT NULL CHECK (role IN ('clinician', 'administrator')),
    -- Argon2id in PHC string format ($argon2id$v=19$m=..,t=..,p=..$salt$hash); never a plain password
    password_hash       VARCHAR(300) NOT NULL,
    disabled            BOOLEAN DEFAULT FALSE NOT NULL,
    failed_attempts     INT DEFAULT 0 NOT NULL,
    locked_until        TIMESTAMP WITH TIME ZONE,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(100) NOT NULL
);
