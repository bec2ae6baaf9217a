-- Schema version 4: cross-tenant access settings (SPEC §5) and conditional access for guests (§9).
-- Configurations are kept as Microsoft Graph JSON (graphjson.h), one row per object, each with a
-- row_version for compare-and-swap edits. The one policy row holds the default configuration (''
-- = the system defaults of SPEC §5), the enabled clouds besides global (comma-separated) and a
-- generation counter that every cross-tenant change increments, so that a cached snapshot of
-- 10,000 partners is reloaded only when something changed.
CREATE TABLE cross_tenant_policy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    default_config TEXT NOT NULL,
    enabled_clouds TEXT NOT NULL DEFAULT '',
    generation BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
INSERT INTO cross_tenant_policy (id, default_config, enabled_clouds, generation, updated_at, row_version)
    VALUES (1, '', '', 0, 0, 1)
-- go
CREATE TABLE cross_tenant_partners (
    tenant_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    cloud TEXT NOT NULL CHECK (cloud IN ('global', 'usgov', 'china')),
    config TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
-- Keyset paging by name: (name_lower, tenant_id) is unique and ordered.
CREATE INDEX cross_tenant_partners_name ON cross_tenant_partners (name_lower, tenant_id)
-- go
-- A domain belongs to at most one partner (the invite hook maps domains to partners).
CREATE TABLE cross_tenant_partner_domains (
    domain TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES cross_tenant_partners (tenant_id) ON DELETE CASCADE
)
-- go
CREATE INDEX cross_tenant_partner_domains_tenant ON cross_tenant_partner_domains (tenant_id)
-- go
CREATE TABLE conditional_access_policies (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('enabled', 'disabled', 'enabledForReportingButNotEnforced')),
    policy TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
