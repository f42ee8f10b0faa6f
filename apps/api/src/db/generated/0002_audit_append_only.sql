-- Hand-written (drizzle-kit "custom") migration: the audit log is append-only. Triggers refuse UPDATE,
-- DELETE and TRUNCATE for every role, the owner included; only a superuser can disable them, and the
-- hash chain then shows what was changed.
CREATE OR REPLACE FUNCTION cims_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION cims_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION cims_refuse_audit_change();
--> statement-breakpoint
-- Where this role may create roles, hand the table to a NOLOGIN owner and keep only SELECT and INSERT:
-- the role the API runs as then cannot UPDATE or DELETE audit rows, nor disable the triggers.
DO $$
BEGIN
  IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cims_audit_owner') THEN
      CREATE ROLE cims_audit_owner NOLOGIN;
    END IF;
    EXECUTE format('GRANT cims_audit_owner TO %I', current_user);
    ALTER TABLE audit_entries OWNER TO cims_audit_owner;
    EXECUTE format('GRANT SELECT, INSERT ON audit_entries TO %I', current_user);
    EXECUTE format('REVOKE cims_audit_owner FROM %I', current_user);
  END IF;
END
$$;
