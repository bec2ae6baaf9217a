<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectPostgresDialog</name>
    <message>
        <source>Connect to PostgreSQL</source>
        <translation>Mit PostgreSQL verbinden</translation>
    </message>
    <message>
        <source>Open a directory that several administrators share on a PostgreSQL server. The database login decides which directory user you act as.</source>
        <translation>Öffnet ein Verzeichnis, das mehrere Administratoren auf einem PostgreSQL-Server gemeinsam nutzen. Die Datenbankanmeldung bestimmt, als welcher Verzeichnisbenutzer Sie handeln.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Serverhost</translation>
    </message>
    <message>
        <source>db.fabrikam.example</source>
        <translation>db.fabrikam.example</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Serverport</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Datenbankname</translation>
    </message>
    <message>
        <source>atrium</source>
        <translation>atrium</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Database login</source>
        <translation>Datenbankanmeldung</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Kept in the keychain once the connection works. Leave it empty to use the stored password (or ~/.pgpass).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewDirectoryDialog</name>
    <message>
        <source>New Directory</source>
        <translation>Neues Verzeichnis</translation>
    </message>
    <message>
        <source>A directory holds your organization&apos;s users, guests and collaboration settings. You become its first member and Global Administrator.</source>
        <translation>Ein Verzeichnis enthält die Benutzer, Gäste und Zusammenarbeitseinstellungen Ihrer Organisation. Sie werden sein erstes Mitglied und Globaler Administrator.</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Speicherort:</translation>
    </message>
    <message>
        <source>Location of the directory file</source>
        <translation>Speicherort der Verzeichnisdatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the location</source>
        <translation>Speicherort wählen</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <source>Display name of the directory</source>
        <translation>Anzeigename des Verzeichnisses</translation>
    </message>
    <message>
        <source>Fabrikam</source>
        <translation>Fabrikam</translation>
    </message>
    <message>
        <source>Initial &amp;domain:</source>
        <translation>Erste &amp;Domäne:</translation>
    </message>
    <message>
        <source>Initial domain</source>
        <translation>Erste Domäne</translation>
    </message>
    <message>
        <source>fabrikam.example</source>
        <translation>fabrikam.example</translation>
    </message>
    <message>
        <source>Guest user names end in this domain, e.g. alice_contoso.com#EXT#@fabrikam.example. It cannot be changed later.</source>
        <translation>Die Namen von Gastbenutzern enden auf diese Domäne, z. B. alice_contoso.com#EXT#@fabrikam.example. Sie kann später nicht geändert werden.</translation>
    </message>
    <message>
        <source>Creating the directory</source>
        <translation>Verzeichnis wird erstellt</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Atrium</source>
        <translation>Willkommen bei Atrium</translation>
    </message>
    <message>
        <source>There is no directory here yet. Create your organization&apos;s directory, or explore Atrium with the sample directory of Fabrikam, which has members in every role and guests from partner organizations.</source>
        <translation>Hier gibt es noch kein Verzeichnis. Erstellen Sie das Verzeichnis Ihrer Organisation, oder lernen Sie Atrium mit dem Beispielverzeichnis von Fabrikam kennen – mit Mitgliedern in jeder Rolle und Gästen aus Partnerorganisationen.</translation>
    </message>
    <message>
        <source>Create a new directory</source>
        <translation>Neues Verzeichnis erstellen</translation>
    </message>
    <message>
        <source>Choose a display name and initial domain; you become its Global Administrator.</source>
        <translation>Wählen Sie einen Anzeigenamen und eine erste Domäne; Sie werden Globaler Administrator.</translation>
    </message>
    <message>
        <source>Load the sample directory (Fabrikam)</source>
        <translation>Beispielverzeichnis laden (Fabrikam)</translation>
    </message>
    <message>
        <source>Realistic members, groups, applications and guests to try things out.</source>
        <translation>Realistische Mitglieder, Gruppen, Anwendungen und Gäste zum Ausprobieren.</translation>
    </message>
    <message>
        <source>Load the sample directory</source>
        <translation>Beispielverzeichnis laden</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Anderes öffnen…</translation>
    </message>
    <message>
        <source>An existing directory file, or a shared directory on PostgreSQL (File menu).</source>
        <translation>Eine vorhandene Verzeichnisdatei oder ein gemeinsames Verzeichnis auf PostgreSQL (Menü „Datei“).</translation>
    </message>
    <message>
        <source>Open another directory</source>
        <translation>Anderes Verzeichnis öffnen</translation>
    </message>
</context>
<context>
    <name>atrium::cli</name>
    <message>
        <source>%1 holds no directory yet; create one with: atriumctl init --name NAME --domain DOMAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON document on stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init needs --name NAME and --domain DOMAIN, e.g. atriumctl init --name Fabrikam --domain fabrikam.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created directory &quot;%1&quot; (%2) at %3; %4 is its Global Administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded the sample directory &quot;%1&quot; into %2: %3 members, %4 guests, %5 groups, %6 applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant id: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, schema </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, guests: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (pending </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, accepted </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users add needs --name NAME and --upn NAME@DOMAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown users subcommand &quot;%1&quot;; use &quot;users&quot; or &quot;users add&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--type is Member or Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since takes an ISO 8601 time, e.g. 2026-11-01 or 2026-11-01T09:00:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings set needs KEY VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown settings subcommand &quot;%1&quot;; use show or set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roles %1 needs ROLE USER (ROLE like GuestInviter or &quot;Guest Inviter&quot;; USER an id or user principal name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;; roles are %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown roles subcommand &quot;%1&quot;; use list, assign or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup needs a FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up the directory to %1.</source>
        <translation type="unfinished">Das Verzeichnis wurde nach %1 gesichert.</translation>
    </message>
    <message>
        <source>Create a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOMAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the realistic sample directory (Fabrikam).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the directory, its counts and who you are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List users, or add a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member or Guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the audit log, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 8601 time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N rows (1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or change directory settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show or set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List, assign and remove directory roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, assign or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a consistent copy of the directory to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: atriumctl [--db URL] COMMAND [options]

Atrium&apos;s command line: every bulk or scriptable action on a directory.

Options:
  --db URL       sqlite:PATH or postgresql://user@host:port/dbname
                 (default: sqlite:%1)
  -h, --help     this help; COMMAND --help for a command&apos;s options
  -v, --version  the version

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 failure, 2 usage or invalid input, 3 permission denied, 4 conflict (changed by someone else), 5 not found, 6 refused by policy.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atrium command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory database URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see atriumctl --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (usage: atriumctl %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: atriumctl [--db URL] %1
%2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crosstenant import FILE [--dry-run]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: %1 partners would be added, %2 updated, %3 unchanged; default %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 partners added, %2 updated, %3 unchanged; default %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crosstenant export --json | crosstenant import FILE [--dry-run] | crosstenant partners [--search TEXT] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whatif access [--partner TENANT] --user ID|--user-type TYPE --app ID [--outbound] [--mfa-claim] [--not-from-directory] [--partner-auto-redeem] [--group ID]... [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--user-type must be one of internalGuest, b2bCollaborationGuest, b2bCollaborationMember, b2bDirectConnectUser, otherExternalUser, serviceProvider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conditional access: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-tenant access settings: export, import (Microsoft Graph JSON), list partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate and report without changing anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of a name, tenant id or domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export, import or partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain a decision without acting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner tenant id, domain or name (the user&apos;s home tenant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TENANT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id or UPN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest or external user type (b2bCollaborationGuest, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group of the user (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of our users going to the partner&apos;s application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in carries the home directory&apos;s MFA claim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user did not sign in at a partner directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other tenant allows automatic redemption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whatif access ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PendingAcceptance or Accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only guests whose mail is in this domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix words of name, email or domain; &quot;a@b&quot; is an email prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation or SelfServiceSignUp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending acceptance for more than N days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-in for N days (from creation if never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column: displayName, mail, userPrincipalName, externalUserState, creationType, userType, invitedBy, invitedOn, externalUserStateChangeDateTime, lastSignIn, sponsors, signInBlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort in descending order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a number of days from 1 to 36500.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--state is PendingAcceptance or Accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--creation-type is Invitation or SelfServiceSignUp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown --sort column %1; see atriumctl guests --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs: export guests --csv FILE [filters]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 guests written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bench-seed needs --guests N (1 to 10,000,000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 benchmark guests added (they have no invitations).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List guests, filtered and sorted in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N guests (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the guests a filter shows to CSV (RFC 4180, formula-safe).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to export: guests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the directory with N realistic guests for benchmarks (no invitations).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many guests to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata has not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed; run again with --apply to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signs in with: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown primary identity provider %1 (azureActiveDirectory, externalFederation, socialIdentityProviders).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown fallback %1 (defaultConfiguredIdp, emailOneTimePasscode, microsoftAccount).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption order saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity providers: list, add SAML/WS-Fed from metadata, refresh, remove, redemption order, resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata file or https URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE|URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A domain of the federation (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the refreshed metadata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner tenant id (per-partner redemption order).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary providers in order: azureActiveDirectory, externalFederation, socialIdentityProviders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback: defaultConfiguredIdp, emailOneTimePasscode or microsoftAccount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, add-saml, show, refresh, remove, resolve or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows, %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: %1 rows, %2 would be invited, %3 already in the directory, %4 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows: %2 invited, %3 already in the directory, %4 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invite needs EMAIL and --redirect URL (or --csv FILE); see atriumctl invite --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email not sent: the address unsubscribed from invitations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation email sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation email queued; it goes out when the mail server is reachable (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the guest&apos;s ID (or user principal name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the redemption status of %1; new redemption URL: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation email sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation email queued (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in unblocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest deleted; pending redemption links no longer work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1, retrying later %2, failed %3, still queued %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP password is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail needs send or set-password (the password is read from standard input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whatif invite [--as OPERATOR] EMAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domains allow|deny DOMAIN... | domains clear | domains show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the directory has a %1 list of %2 domains; switching to a %3 list discards it — repeat with --replace to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collaboration restrictions: %1, %2 domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite a guest, or many from the bulk CSV template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the guest lands after redeeming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished">URL</translation>
    </message>
    <message>
        <source>Personal message (plain text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One cc recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message language (en, de).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the invitation email (default: only print the link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite as userType Member (administrators only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the guest to this group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the guest to this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sponsor (up to 5; default: you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk invite from the CSV template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate and check policy; invite nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write per-row results as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUT.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitee&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a guest&apos;s invitation email again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-invite a guest (optionally at a new email), keeping id, UPN and memberships.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block a guest&apos;s sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock a guest&apos;s sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a guest (revokes pending links).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the new invitation email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest id or user principal name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send queued mail now, or store the SMTP password in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send or set-password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain a policy decision without acting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview as this operator (Global Administrators only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collaboration restrictions: allow or deny listed domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm discarding the other list when switching between allow and deny.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow, deny, clear or show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator needs a subcommand: create LOGIN --user UPN [--role ROLE], sync LOGIN or grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator works on a PostgreSQL directory only: on SQLite the operator is the OS account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied the Atrium group roles and grants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator sync needs LOGIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: operator create LOGIN --user UPN [--role ROLE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator create needs --user UPN (the directory user this login acts as)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid login name: lower-case letters, digits and _, not starting with atrium_ or pg_.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator create reads the new login&apos;s password from stdin (one line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the login %1 for %2. Connect with postgresql://%1@HOST/DATABASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL: create an operator&apos;s database login bound to a directory user, with its grants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory user the login acts as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A directory role to assign to that user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create, sync or grants</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::console</name>
    <message>
        <source>Atrium Cannot Start</source>
        <translation>Atrium kann nicht starten</translation>
    </message>
    <message>
        <source>Atrium console: B2B guest collaboration for your directory.</source>
        <translation>Atrium-Konsole: B2B-Gastzusammenarbeit für Ihr Verzeichnis.</translation>
    </message>
    <message>
        <source>The directory to open: sqlite:PATH or postgresql://user@host:port/dbname (default: %1).</source>
        <translation>Das zu öffnende Verzeichnis: sqlite:PFAD oder postgresql://benutzer@host:port/dbname (Standard: %1).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>When the directory does not exist yet, create it as the sample directory &quot;Fabrikam&quot;; then open it.</source>
        <translation>Wenn das Verzeichnis noch nicht existiert, als Beispielverzeichnis „Fabrikam“ anlegen; danach öffnen.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see atrium --help.</source>
        <translation>Unerwartetes Argument „%1“; siehe atrium --help.</translation>
    </message>
    <message>
        <source>Open on this pane: overview, guestUsers, invitations, externalCollaboration, crossTenantAccess, identityProviders or auditLog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PANE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown pane &quot;%1&quot;; see atrium --help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core</name>
    <message>
        <source>The domain is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a URL; enter only the domain name, without a scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a path; enter only the domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an email address; enter only the part after the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a port; enter only the domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space or control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid internationalized domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than 253 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs at least two labels, like contoso.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an empty label (two dots in a row).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a label longer than 63 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a label that starts or ends with a hyphen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains the character &quot;%2&quot;, which a domain cannot contain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name is longer than 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal base URL must be an absolute https:// URL without query (http:// only for localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on a network file system, where SQLite cannot lock safely. For a directory that several admins share, use PostgreSQL (File ▸ Connect to PostgreSQL, or --db postgresql://user@host:port/dbname).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying database permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an array of strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one user or group, or AllUsers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one application, or AllApplications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usersAndGroups can only name users and groups, not applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AllApplications belongs in applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AllUsers has target type user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applications can only name applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AllUsers belongs in usersAndGroups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AllUsers cannot be combined with specific users or groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AllApplications cannot be combined with specific applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default inbound setting cannot target specific users or groups; use AllUsers, or target them in a partner&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users are allowed to go outbound, so at least one application must be allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users are blocked, so all applications must be blocked too (AllApplications, blocked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All applications are blocked, so all users must be blocked too (AllUsers, blocked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default configuration must set this property.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic redemption is always off in the default configuration; turn it on for each partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant id must be a UUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the partner a name of 1 to 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inherited from default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B collaboration inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B collaboration outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B direct connect inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B direct connect outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic redemption (inbound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic redemption (outbound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner %1 (tenant %2), inbound B2B collaboration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no partner: default inbound B2B collaboration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 cloud is not enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the %2 cloud, which is not enabled in cross-tenant access settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all users allowed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only specific users or groups blocked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all users blocked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-tenant access settings block B2B collaboration with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-tenant access settings block B2B collaboration with organizations that are not partners; add %1&apos;s organization as a partner to invite from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only specific users or groups allowed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-tenant access settings admit only specific users or groups of %1, and an invitee cannot be shown to be one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cross-tenant access settings are missing from the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 already belongs to the partner %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant %1 is also partners[%2].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 also belongs to partners[%2].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest directory query returned nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of guests cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting users before seeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the seed statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding sponsors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email one-time passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAML 2.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WS-Fed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenID Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 addresses sign in with Google; it cannot be a federation domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 already belongs to the federation &quot;%2&quot;; a domain can belong to one federation only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passive sign-in endpoint must be an https URL; the metadata says &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the results file failed (disk full?): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a member, not an invited guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must not contain line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be an absolute http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail template %1 is missing from the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail template %1 has no subject line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 header must not contain a line break or NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 header is too long to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the %2 header is not a valid email address: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 header is set by the mail composer and cannot be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Message-ID &quot;%1&quot; is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization or recipient name is missing or contains line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passcode mail needs a recipient address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passcode must be 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail template passcode.txt has no subject line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the mail server %1: the connection was refused or the server is unreachable. Sending is retried later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server name %1 could not be resolved. Check the SMTP settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 did not answer in time. Sending is retried later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed: the mail server %1 refused the user name or password. Check the SMTP user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS failure: the mail server %1 does not offer STARTTLS. Choose another security setting or server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS failure with the mail server %1: %2. Check the security setting and the server&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused a recipient (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused the sender address (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused the message (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending through the mail server %1 failed: %2. Sending is retried later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available to store passwords and other secrets. Install and run a Secret Service provider such as gnome-keyring (or KWallet on KDE) in your desktop session, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain cannot be used before the application has started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain cannot be used while the application is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer. If it asks to be unlocked, unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access; it may be locked. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not a JSON object: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address contains a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address contains a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address contains the control character %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address contains a space; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no &quot;@&quot;; enter an address like alice@contoso.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains more than one &quot;@&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has nothing before the &quot;@&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no domain after the &quot;@&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the &quot;@&quot; is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The character %1 is not allowed in an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The character %1 is not allowed before the &quot;@&quot;; only the domain may contain non-ASCII characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the &quot;@&quot; cannot start or end with &quot;.&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the &quot;@&quot; cannot start or end with &quot;-&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the &quot;@&quot; cannot contain two dots in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; ends with a dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address is longer than %1 characters once its domain is encoded for the Internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL contains broken Unicode (an unpaired surrogate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL contains a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL is empty; enter an address like https://myapps.contoso.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL contains a space; encode it as %20 or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute URL; it must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses the scheme &quot;%2&quot;; the redirect URL must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a user name or password; remove the part before &quot;@&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses http; only https is allowed (http only for localhost).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::AccessEvaluator</name>
    <message>
        <source>Blocked: the %1 cloud is not enabled in cross-tenant access settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: tenants in the %1 cloud are blocked until they are added as partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: the cross-tenant access settings do not admit this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: the cross-tenant access settings do not admit this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by a conditional access policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user must do MFA here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA is satisfied by the trusted MFA claim of the user&apos;s home directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user must accept the terms of use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent prompt is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent prompt is suppressed (automatic redemption).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admits the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not admit the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admits the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not admit the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the home directory&apos;s MFA claim is trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA claims are trusted, but the sign-in carries none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA claims from the home directory are not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed here and by the other tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed here, but the other tenant does not allow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device claims from the home directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::ApiConnectorClient</name>
    <message>
        <source>The API connector endpoint must be an https:// URL (http:// only for localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one authentication for the API connector: HTTP Basic (user name and password) or a client certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client certificate needs its private key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::AuditExport</name>
    <message>
        <source>Could not write the export file (disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::AuditQuery</name>
    <message>
        <source>A page holds at least one row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit record %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::BulkInviteCsvReader</name>
    <message>
        <source>The file is empty. Download the bulk invite template, fill it in and upload it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is template version &quot;%1&quot;; Atrium reads &quot;version:v1.0&quot;. Download the current bulk invite template and copy your rows into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row must be &quot;version:v1.0&quot;, as in the bulk invite template. Download the template and copy your rows into it below its two heading rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no heading row after &quot;version:v1.0&quot;. Download the bulk invite template and copy your rows into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heading row has two columns for [%1] (columns %2 and %3); delete one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Email address to invite [inviteeEmail] Required&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Redirection url [inviteRedirectURL] Required&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heading row (row 2) lacks the required column %1. Columns are found by the name in brackets; use the headings of the bulk invite template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the template&apos;s example row: the example row must be replaced with a real invitation, or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Send invitation message&quot; must be true or false, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation message has %1 characters; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation message contains a control character; use plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name has %1 characters; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains a line break or control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of row %1: that row already invites %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::BulkInviteRunner</name>
    <message>
        <source>This is the template&apos;s example row; replace it with a real invitee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of row %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in the directory (%1); not invited again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited; email not sent (unsubscribed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited; email queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::CollaborationService</name>
    <message>
        <source>The external collaboration settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External users can only be allowed to remove themselves when the directory has a privacy contact or a privacy statement URL: a guest must know whom to ask about their data. Set one in the directory properties first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::CollaborationSettings</name>
    <message>
        <source>The setting &quot;%1&quot; must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for the setting &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations are allowed to any domain, so there can be no domain list; choose &quot;deny the listed domains&quot; or &quot;allow only the listed domains&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain list entry &quot;%1&quot; is not normalized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 appears twice in the domain list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collaboration policy is %1 characters long; at most %2 are allowed. Shorten the domain list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::ConditionalAccessPolicy</name>
    <message>
        <source>Give the policy a name of 1 to 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one guest or external user type, or specific users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown guest or external user type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List at least one external tenant, or choose all external tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id (UUID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose all applications or at least one application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose block, or require MFA and/or terms of use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block cannot be combined with other controls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the terms of use to accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown state &quot;%1&quot;; use enabled, disabled or %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a comma-separated string of user types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown guest or external user type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown membership kind &quot;%1&quot;; use all or enumerated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown control &quot;%1&quot;; use block or mfa.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::ConnectionInfo</name>
    <message>
        <source>The SQLite URL has no file path; use sqlite:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid PostgreSQL URL; use postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put the password in the URL; Atrium keeps it in the keychain (or use PGPASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL names no database; use postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a directory URL; use sqlite:PATH or postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::CrossTenantService</name>
    <message>
        <source>Default settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default cross-tenant access settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft cloud settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cross-tenant cloud settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A partner with tenant id, domain or name &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant %1 is already a partner (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customize %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-tenant access settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 already belongs to the partner %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conditional access policy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::CsvReader</name>
    <message>
        <source>The file is not open for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the file is not UTF-8 text. Save it as &quot;CSV UTF-8 (comma delimited)&quot; and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the record that starts here is longer than %2 characters; check for a quotation mark that is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted field starts here but its closing quotation mark is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::Database</name>
    <message>
        <source>There is no directory at %1. Create one with &quot;atriumctl init&quot; or File ▸ New directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt %1 driver is not installed (Debian package %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the directory database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Atrium directory (it has tables but no Atrium schema).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This directory was written by a newer Atrium (schema version %1; this program knows up to %2). Update Atrium to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 is missing from the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost while committing; check whether the change was saved before repeating it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the value is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the disk is full. Nothing was saved; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused by the database: your database login lacks the privilege.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is append-only: its rows can never be changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the connection to the database server was lost. Try again when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the directory is busy (another admin is writing). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name for the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump is not installed (Debian package postgresql-client); it makes PostgreSQL backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains a NUL character, which Atrium cannot store; remove it and try again. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains broken Unicode (an unpaired surrogate); correct it and try again. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::DirectoryService</name>
    <message>
        <source>This database already holds the directory &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database holds no directory yet. Create one (atriumctl init --name NAME --domain DOMAIN or File ▸ New directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The privacy statement URL must be an absolute https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::DomainList</name>
    <message>
        <source>&quot;%1&quot;: a wildcard is only allowed as the whole first label, as in *.contoso.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already listed on line %2; the duplicate was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy would be %1 characters long, but at most %2 are allowed; the entries from this line on do not fit. Shorten the list, for example with wildcard entries such as *.contoso.com.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::Error</name>
    <message>
        <source>%1 was changed by someone else — reload and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not %1: it needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::Federation</name>
    <message numerus="yes">
        <source>%n encryption key(s) in the metadata were not imported: only signing certificates are used.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s) (%1): refresh the metadata or add the new certificate before then.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atrium::core::GraphJson</name>
    <message>
        <source>The file is not JSON: %1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a JSON object at the top.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atrium does not model this property; it was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown cloud endpoint &quot;%1&quot;; use microsoftonline.us or partner.microsoftonline.cn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no default, partner or cloud settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::GroupService</name>
    <message>
        <source>The group or application %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a group name of at most 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an application name of at most 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::GuestColumn</name>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sponsors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in blocked</source>
        <translation type="unfinished">Anmeldung blockiert</translation>
    </message>
</context>
<context>
    <name>atrium::core::GuestDirectory</name>
    <message>
        <source>%1 +%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page holds at least one row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the export failed (is the disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; the file holds the rows written so far.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::GuestRow</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 guests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::IdentityProviderService</name>
    <message>
        <source>The directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in endpoint is not on %1: the partner must publish the DNS TXT record DirectFedAuthUrl=%2 on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret is missing from the keychain: sign-in with %1 fails until it is entered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available to store the client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuer %1 is already configured as &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one domain whose users sign in with this federation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domains of %1 are fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A federation needs at least one domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The federation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This federation has no metadata URL; import a new metadata file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Google client id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Google client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Facebook app id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Facebook app secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider %1 with a client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS lookup for %1 did not answer within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner organization %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redemption order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the partner whose own redemption order is removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::InvitationService</name>
    <message>
        <source>No keychain is available to keep the redemption token key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one cc recipient is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The personal message is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The personal message contains a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name is longer than 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A guest has at most %1 sponsors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message language is not a language tag like en or de-CH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked to receive no invitations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 belongs to a member of this directory; members are not invited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a guest (%2). Resend the invitation or reset its redemption status instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sponsor %1 is neither a user nor a group of this directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free user principal name was found for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview invitations as another operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has already redeemed the invitation; reset the redemption status to issue a new link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has already redeemed the invitation; there is nothing to resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a member, not an invited guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already belongs to another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a member; only external users are deleted here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ownership of the group or application, or %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::KeychainSecretStore</name>
    <message>
        <source>A secret needs a non-empty namespace and key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::MailTemplate</name>
    <message>
        <source>The mail template is broken: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::MimeComposer</name>
    <message>
        <source>it needs a name, &apos;@&apos; and a domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; contains a character that cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::Operator</name>
    <message>
        <source>no role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the database login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::OutboxSender</name>
    <message>
        <source>No SMTP server is configured. Set one in the console (Settings ▸ Mail) or with atriumctl settings set smtp &apos;{&quot;host&quot;: ..., &quot;port&quot;: 587, ...}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP password is not in the keychain; enter it in the console&apos;s mail settings or with atriumctl mail set-password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::Permission</name>
    <message>
        <source>read the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change the directory&apos;s properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invite guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bulk invite guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resend invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset redemption status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block or unblock sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage guest users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change sponsors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage groups and applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change external collaboration settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change the email one-time passcode setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change whether external users may leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change cross-tenant access settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage identity providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage user flows and API connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change portal and mail settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back up the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::PgAccess</name>
    <message>
        <source>Creating the Atrium group roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid database login name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granting the database roles of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid database login name: use lower-case letters, digits and _, not starting with atrium_ or pg_.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new login needs a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the database login %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::PolicyEngine</name>
    <message>
        <source>Invite setting (allowInvitesFrom): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone may invite, guests included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators, Guest Inviters and members may invite; guests only when guest user access is &quot;same as members&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Global Administrators, User Administrators and Guest Inviters may invite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody may invite, administrators included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest invitations are turned off in this directory (the invite setting is &quot;none&quot;); this applies to administrators too. A Global Administrator can change the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member; roles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest (guest user access: %1); roles: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts as an administrator (Global or User Administrator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds the Guest Inviter role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts as a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A guest with member-level access (guest user access is &quot;same as members&quot;), so counts as a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts as a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: may invite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: may not invite under this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Global Administrators, User Administrators and Guest Inviters may invite guests in this directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators, Guest Inviters and members may invite guests in this directory; a guest counts as a member only when guest user access is &quot;same as members&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited as userType Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited as userType Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator is a Global or User Administrator, who may invite members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a Global or User Administrator may invite someone as a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a Global Administrator or User Administrator may invite someone as userType Member; invite them as a guest instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests need no further permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups or applications requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups or applications requested; the operator owns all of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups or applications requested; the operator does not own all of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners may add guests to what they own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators may add guests to any group or application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs ownership of every requested group and application, or the Global or User Administrator role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can add the guest only to groups and applications that you own; a Global or User Administrator can add them to the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has nothing before the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid email address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations to any domain are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the deny list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the deny list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A subdomain of %1, which is on the deny list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the deny-list entry *.%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the allow list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the allow-list entry *.%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the allow list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations to %1 are blocked: the domain is on the deny list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations to %1 are blocked: only the domains on the allow list may be invited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No partner configuration exists for this domain; the default cross-tenant settings allow B2B collaboration both ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cross-tenant access settings block B2B collaboration with this domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation may be redeemed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::Reader</name>
    <message>
        <source>Expected %1, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown access type &quot;%1&quot;; use allowed or blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown target type &quot;%1&quot;; use user, group or application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atrium does not model this property; it was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id (UUID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown cloud &quot;%1&quot;; use global, usgov or china.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::RedemptionService</name>
    <message>
        <source>directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::Role</name>
    <message>
        <source>Global Administrator</source>
        <translation>Globaler Administrator</translation>
    </message>
    <message>
        <source>User Administrator</source>
        <translation>Benutzeradministrator</translation>
    </message>
    <message>
        <source>Guest Inviter</source>
        <translation>Gasteinladender</translation>
    </message>
    <message>
        <source>Helpdesk Administrator</source>
        <translation>Helpdeskadministrator</translation>
    </message>
    <message>
        <source>Security Administrator</source>
        <translation>Sicherheitsadministrator</translation>
    </message>
    <message>
        <source>External Identity Provider Administrator</source>
        <translation>Administrator für externe Identitätsanbieter</translation>
    </message>
    <message>
        <source>Global Reader</source>
        <translation>Globaler Leser</translation>
    </message>
</context>
<context>
    <name>atrium::core::RoleService</name>
    <message>
        <source>The user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has the role %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last Global Administrator; assign the role to someone else first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::SettingsService</name>
    <message>
        <source>Base URL of atrium-portal; every redemption link is built on it, never from a request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days after which a redemption link expires; 0 = never (as in the model system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days of audit history the audit pane shows by default; rows are never deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days without sign-in after which a guest counts as inactive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External collaboration settings (guest access, who may invite, domain restrictions, passcodes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP server for invitation mail (host, port, security, user, from); the password is kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many mails are sent per minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes an email one-time passcode stays valid (at most 30, as in the model system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;. Known settings: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::SmtpSettings</name>
    <message>
        <source>The SMTP setting &quot;%1&quot; has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP security must be &quot;none&quot;, &quot;starttls&quot; or &quot;tls&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP timeout must be between 1 and 3600 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP setting &quot;%1&quot; must not contain line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid sender address (for example invitations@contoso.com).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::SmtpTransport</name>
    <message>
        <source>Refusing to send the SMTP password without encryption. Choose STARTTLS or TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not initialise libcurl.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::TokenKey</name>
    <message>
        <source>The redemption token key in the keychain is damaged; existing redemption links cannot be rebuilt. Reset redemption to issue new ones.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::core::UserService</name>
    <message>
        <source>The user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a display name of at most 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user principal name; use name@domain (&quot;#&quot; is reserved for guests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user principal name may contain only letters, digits and . _ - &apos; before the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a verified domain of this directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user with the name %1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot block your own sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::models::AuditLogModel</name>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::models::BulkResultsModel</name>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::models::DirectorySession</name>
    <message>
        <source>%1 holds no directory yet. Create one with File ▸ New directory.</source>
        <translation>%1 enthält noch kein Verzeichnis. Legen Sie eines mit Datei ▸ Neues Verzeichnis an.</translation>
    </message>
</context>
<context>
    <name>atrium::models::GuestListModel</name>
    <message>
        <source>No guests match the search and filters. Clear them to see every guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This directory has no guest users yet. Invite one with &quot;Invite Guest…&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending acceptance</source>
        <translation type="unfinished">Annahme ausstehend</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished">Angenommen</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-service sign-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::models::PartnersModel</name>
    <message>
        <source>Microsoft Azure Commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inherited from default</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) customized</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::AuditLogPane</name>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiated by (UPN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target (id or name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Whole Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every row with the selected row&apos;s correlation id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days of audit history shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the retention as the directory&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished">Überwachungsprotokoll</translation>
    </message>
    <message>
        <source>Audit record details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to see who did what, and the values before and after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-in for at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days without sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the inactive guests report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests without sign-in (counted from creation when never signed in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations never redeemed, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations never redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audit rows match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Audit Log as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Audit Log as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Inactive Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive-guests.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished">%1 (%2) {1 %2 ?} {3)?}</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::BulkInviteDialog</name>
    <message>
        <source>Bulk Invite Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file in the bulk invite template format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the CSV template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate the file without inviting anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite the guests of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the results as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk Invite File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate the file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation: %1 row(s), %2 with problems, %3 already invited. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after line %1. %2 guest(s) were invited and stay invited (%3 already invited, %4 failed); the lines after %1 were not run. Running the same file again finishes the job without duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 invited, %2 already invited, %3 failed of %4 row(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::Capabilities</name>
    <message>
        <source>Application owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member without a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a directory you are bound to first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the role %1.</source>
        <translation type="unfinished">Erfordert die Rolle %1.</translation>
    </message>
</context>
<context>
    <name>atrium::ui::ConnectPostgresDialog</name>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des Servers ein.</translation>
    </message>
    <message>
        <source>Enter the name of the database that holds the directory.</source>
        <translation>Geben Sie den Namen der Datenbank ein, die das Verzeichnis enthält.</translation>
    </message>
    <message>
        <source>No Directory Yet</source>
        <translation>Noch kein Verzeichnis</translation>
    </message>
    <message>
        <source>The database %1 holds no directory yet. Create one there?</source>
        <translation>Die Datenbank %1 enthält noch kein Verzeichnis. Dort eines anlegen?</translation>
    </message>
</context>
<context>
    <name>atrium::ui::CrossTenantEditor</name>
    <message>
        <source>Allow access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific users and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object ids; prefix groups with group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object ids of the other organization&apos;s users, separated by commas; write group:&lt;id&gt; for a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application ids, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this partner its own value, starting from the default&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this partner&apos;s value and inherit the default again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users and groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust multifactor authentication from the other organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust compliant devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust hybrid joined devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatically redeem invitations from the other organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatically redeem invitations with the other organization (outbound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent prompt is suppressed only when both organizations allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Customized&lt;/b&gt; for this partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Inherited from default&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always off in the default; turn it on for each partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inherited from default: choose Customize to change it for this partner.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::CrossTenantPane</name>
    <message>
        <source>Block access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require multifactor authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require terms of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Cross-tenant access settings&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Graph JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the default and partner settings over from Microsoft Graph JSON; problems are shown before anything is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Graph JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizational Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Cloud Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditional Access for Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Cross-Tenant Access Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Cross-Tenant Access Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings apply to every organization that is not listed as a partner, and partners inherit each setting they do not customize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Default Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by tenant ID, name or domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Organization…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an organization to see its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Organization Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Atrium&apos;s own cloud is Microsoft Azure Commercial. Enable another Microsoft cloud to collaborate with organizations in it. &lt;b&gt;Its organizations stay blocked until you add each one as a partner&lt;/b&gt; on the Organizational Settings tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure China (operated by 21Vianet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Cloud Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditional access policies for guests and external users. A report-only policy is evaluated and shown in What If, but never enforced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished">Benutzer</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished">Anwendungen</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — tenant %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>00000000-0000-0000-0000-000000000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contoso.com, contoso.net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure Commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the partner organizations? Its users are then treated by the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget %1&apos;s own value of &quot;%2&quot; and inherit the default again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not imported; nothing was changed. Problems:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default settings: %1
Organizations added: %2, replaced: %3, unchanged: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped (not modelled by Atrium):
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import these settings?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n specific user(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>all organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests: require multifactor authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Conditional Access Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Conditional Access Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest or external user types:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: all external organizations; or tenant ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External organizations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific user ids (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: all applications; or application ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant access, requiring:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multifactor authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms of use ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Conditional Access Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the policy &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::EmptyStatePane</name>
    <message>
        <source>No directory is open.</source>
        <translation>Kein Verzeichnis geöffnet.</translation>
    </message>
</context>
<context>
    <name>atrium::ui::ExternalCollaborationPane</name>
    <message>
        <source>Needs the role %1.</source>
        <translation type="unfinished">Erfordert die Rolle %1.</translation>
    </message>
    <message>
        <source>External collaboration</source>
        <translation type="unfinished">Externe Zusammenarbeit</translation>
    </message>
    <message>
        <source>External collaboration settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest user access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest users have the same access as members (most inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest users have limited access to properties and memberships of directory objects (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest user access is restricted to properties and memberships of their own directory objects (most restrictive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest invite settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone in the organization, including guests with member-level access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member users and users assigned to specific admin roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only users assigned to specific admin roles (Guest Inviter included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one in the organization, admins included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished">%1 — %2</translation>
    </message>
    <message>
        <source>Who can invite guests (allowInvitesFrom):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable guest self-service sign-up via user flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow external users to remove themselves from the organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow external users to remove themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collaboration restrictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow invitations to be sent to any domain (most inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny invitations to the specified domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow invitations only to the specified domains (most restrictive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contoso.com or *.contoso.com; several separated by commas or spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste Many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste domains from the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import domains from a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email one-time passcode for guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests without another identity provider sign in with a passcode sent by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you save: impact on existing guests and members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No directory is open.</source>
        <translation type="unfinished">Kein Verzeichnis geöffnet.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defaults are in force; nothing has been changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved settings, version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a privacy contact or privacy statement URL in the directory properties: a guest must know whom to ask about their data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>%1 is already on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s) did not fit in the 25,000-character limit and were not added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the Domain List?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Switching to &quot;%1&quot; discards the %n listed domain(s):

%2

Discard them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Computing the impact of the change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pending invitation(s) would fail at redemption (domains: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 guest(s) who sign in with email one-time passcodes could no longer sign in until their redemption is reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 user(s) would lose the right to invite guests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No existing guest or member is affected by this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation fails at redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in with a passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loses the right to invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Every invitation path now follows these settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::GuestUsersPane</name>
    <message>
        <source>Search guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, email or domain (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain, e.g. contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any creation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending for more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only invitations pending for more than a number of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-in for 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only guests without sign-in for 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite Guest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend Invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend the invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Redemption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset redemption status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to Group or App…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to a group or application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Sponsors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change sponsors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Redemption Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the redemption link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the guests shown to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest users</source>
        <translation type="unfinished">Gastbenutzer</translation>
    </message>
    <message>
        <source>Guest details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a guest to see the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select guests first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sponsors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 failed for %n guest(s). %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Resend invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Redemption Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest redeems again; object id, UPN, memberships and app assignments stay. New email address (leave empty to keep the current one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reset the redemption status of %n guest(s)? They redeem again with their current email addresses.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reset redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n guests</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? They lose access to every group and application at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to group or app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to Group or Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups and applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Sponsors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose up to 5 sponsors (members of the directory):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy redemption link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Guests as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guests.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting guests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <source>Export Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::IdentityProvidersPane</name>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity providers</source>
        <translation type="unfinished">Identitätsanbieter</translation>
    </message>
    <message>
        <source>Add SAML/WS-Fed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenID Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption order for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary identity providers, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback identity provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary (checked = enabled, top first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where will this guest sign in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guest@partner.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No directory is open.</source>
        <translation type="unfinished">Kein Verzeichnis geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n identity provider(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Default (all guests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a provider to see its details.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in; always available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passive sign-in endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata of %1 has not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata has not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The metadata URL now says:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changes until you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the identity provider &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) redeemed through it; they cannot sign in until their redemption status is reset.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No guest has redeemed through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secret for %1 (stored in the keychain):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in default order is in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This partner follows the default order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signs in with &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::InviteDialog</name>
    <message>
        <source>Invite Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice@contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. https://myapps.%1/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the guest lands after accepting the invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redirect URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text, shown in the invitation email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal &amp;message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One address, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviting as Member needs the role Global Administrator or User Administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sponsors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 5 sponsors; none checked means you are the sponsor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sponsors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups and applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups and apps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send invitation email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: copy the redemption link and send it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the invitation was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited. Redemption link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the redemption link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation email is queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email was sent: the address has unsubscribed from invitations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email was sent; copy the link and send it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::MainWindow</name>
    <message>
        <source>Atrium</source>
        <translation>Atrium</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Directory…</source>
        <translation>&amp;Neues Verzeichnis…</translation>
    </message>
    <message>
        <source>&amp;Open Directory…</source>
        <translation>Verzeichnis ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Connect to PostgreSQL…</source>
        <translation>Mit PostgreSQL &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Back Up Directory…</source>
        <translation>Verzeichnis &amp;sichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Atrium</source>
        <translation>Ü&amp;ber Atrium</translation>
    </message>
    <message>
        <source>Opening the directory</source>
        <translation>Verzeichnis wird geöffnet</translation>
    </message>
    <message>
        <source>No directory open</source>
        <translation>Kein Verzeichnis geöffnet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>⚠ Unbound account: %1</source>
        <translation>⚠ Nicht zugeordnetes Konto: %1</translation>
    </message>
    <message>
        <source>The account %1 is not bound to a user of this directory, so you can neither read nor change it.</source>
        <translation>Das Konto %1 ist keinem Benutzer dieses Verzeichnisses zugeordnet; Sie können es daher weder lesen noch ändern.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Signed in as %1 (account %2)</source>
        <translation>Angemeldet als %1 (Konto %2)</translation>
    </message>
    <message>
        <source>%1 — Atrium</source>
        <translation>%1 — Atrium</translation>
    </message>
    <message>
        <source>The account %1 is not bound to a user of this directory, so you can neither read nor change it. Ask an administrator of the directory to bind your account to your user.</source>
        <translation>Das Konto %1 ist keinem Benutzer dieses Verzeichnisses zugeordnet; Sie können es daher weder lesen noch ändern. Bitten Sie einen Administrator des Verzeichnisses, Ihr Konto Ihrem Benutzer zuzuordnen.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Loading the sample directory into %1…</source>
        <translation>Beispielverzeichnis wird in %1 geladen…</translation>
    </message>
    <message>
        <source>Created the directory &quot;%1&quot;. You are its Global Administrator.</source>
        <translation>Das Verzeichnis „%1“ wurde erstellt. Sie sind sein Globaler Administrator.</translation>
    </message>
    <message>
        <source>Open Directory</source>
        <translation>Verzeichnis öffnen</translation>
    </message>
    <message>
        <source>Atrium directories (*.sqlite);;All files (*)</source>
        <translation>Atrium-Verzeichnisse (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 backup %2.sqlite</source>
        <translation>%1 Sicherung %2.sqlite</translation>
    </message>
    <message>
        <source>Back Up Directory</source>
        <translation>Verzeichnis sichern</translation>
    </message>
    <message>
        <source>Atrium directories (*.sqlite)</source>
        <translation>Atrium-Verzeichnisse (*.sqlite)</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>Sicherung nach %1…</translation>
    </message>
    <message>
        <source>Backed up the directory to %1.</source>
        <translation>Das Verzeichnis wurde nach %1 gesichert.</translation>
    </message>
    <message>
        <source>About Atrium</source>
        <translation>Über Atrium</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Atrium %1&lt;/h3&gt;&lt;p&gt;Self-hosted B2B guest collaboration: invite people from partner organizations as guest users and keep control over who may invite whom, which partners may come in and how guests sign in.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Atrium %1&lt;/h3&gt;&lt;p&gt;Selbst gehostete B2B-Gastzusammenarbeit: Laden Sie Personen aus Partnerorganisationen als Gastbenutzer ein und behalten Sie die Kontrolle darüber, wer wen einladen darf, welche Partner Zugang erhalten und wie sich Gäste anmelden.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>View as &amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member Without a Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles and Administrators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles and Administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite Guest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bulk Invite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;Apps and Groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What If…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previewing as %1; your actions use your own role (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no directory open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>atrium::ui::MyAppsGroupsDialog</name>
    <message>
        <source>My Apps and Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups and applications you own. Add guests to them: invite someone new or add a guest who is already in the directory. The directory&apos;s collaboration policy applies as for every invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups and applications you own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice@contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. https://myapps.%1/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the guest lands after accepting the invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redirect URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the invitation was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an existing guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of adding the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No directory is open.</source>
        <translation type="unfinished">Kein Verzeichnis geöffnet.</translation>
    </message>
    <message>
        <source>Could not read what you own: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Group: %1 (%n member(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Application: %1 (%n assigned)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not own any group or application in this directory.

Group and application owners can add guests to what they own here. Ask an administrator to make you an owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite a guest to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an existing guest to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no guests in the directory yet; invite one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited %1 to %2. Send them the redemption link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::NewDirectoryDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Create the directory</source>
        <translation>Verzeichnis erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Location of the New Directory</source>
        <translation>Speicherort des neuen Verzeichnisses</translation>
    </message>
    <message>
        <source>Atrium directories (*.sqlite);;All files (*)</source>
        <translation>Atrium-Verzeichnisse (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose where the directory file is stored.</source>
        <translation>Wählen Sie, wo die Verzeichnisdatei gespeichert wird.</translation>
    </message>
    <message>
        <source>This is a folder; enter a file name such as directory.sqlite.</source>
        <translation>Dies ist ein Ordner; geben Sie einen Dateinamen wie directory.sqlite ein.</translation>
    </message>
</context>
<context>
    <name>atrium::ui::OverviewPane</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Loading the overview</source>
        <translation>Übersicht wird geladen</translation>
    </message>
    <message>
        <source>No directory is open. Create one with File ▸ New directory, open one with File ▸ Open directory, or connect to a shared directory on PostgreSQL.</source>
        <translation>Kein Verzeichnis geöffnet. Legen Sie eines mit Datei ▸ Neues Verzeichnis an, öffnen Sie eines mit Datei ▸ Verzeichnis öffnen, oder verbinden Sie sich mit einem gemeinsamen Verzeichnis auf PostgreSQL.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Guest users</source>
        <translation>Gastbenutzer</translation>
    </message>
    <message>
        <source>Pending acceptance</source>
        <translation>Annahme ausstehend</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Pending for more than 7 days</source>
        <translation>Seit mehr als 7 Tagen ausstehend</translation>
    </message>
    <message>
        <source>Sign-in blocked</source>
        <translation>Anmeldung blockiert</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Identity providers</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>Built in: partner directory, Microsoft account, email one-time passcode</source>
        <translation>Integriert: Partnerverzeichnis, Microsoft-Konto, Einmalkennung per E-Mail</translation>
    </message>
    <message>
        <source>Partner organizations</source>
        <translation>Partnerorganisationen</translation>
    </message>
    <message>
        <source>%1 · tenant %2</source>
        <translation>%1 · Mandant %2</translation>
    </message>
    <message numerus="yes">
        <source>3 built in, %n configured (SAML/WS-Fed, Google, Facebook, OpenID Connect)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atrium::ui::Panes</name>
    <message>
        <source>Invitations arrive with the invitations feature.</source>
        <translation>Einladungen kommen mit der Einladungsfunktion.</translation>
    </message>
    <message>
        <source>Inviting guests one by one or in bulk from a CSV file, resending invitations and resetting redemption status will happen here.</source>
        <translation>Hier werden Sie Gäste einzeln oder per CSV-Datei als Massenvorgang einladen, Einladungen erneut senden und den Einlösestatus zurücksetzen.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Guest users</source>
        <translation>Gastbenutzer</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>External collaboration</source>
        <translation>Externe Zusammenarbeit</translation>
    </message>
    <message>
        <source>Cross-tenant access</source>
        <translation>Mandantenübergreifender Zugriff</translation>
    </message>
    <message>
        <source>Identity providers</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Überwachungsprotokoll</translation>
    </message>
</context>
<context>
    <name>atrium::ui::RolesPane</name>
    <message>
        <source>Roles and administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory roles decide what each administrator may do. Owners of groups and applications are managed on the group or application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role to assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User to assign the role to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the role to the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected role assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished">&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Groups and applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups and applications with their owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished">Mitglieder</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an assignment in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now holds the role %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the role %1 from %2? They lose what the role allows at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::SamlImportDialog</name>
    <message>
        <source>Add SAML/WS-Fed identity provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata file or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata file or URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the metadata says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One domain per line, e.g. contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DirectFedAuthUrl:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open federation metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata (*.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read %1 metadata with %n signing certificate(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Entity id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passive sign-in endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up TXT records of %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::SocialIdpDialog</name>
    <message>
        <source>Add %1 identity provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests with gmail.com and googlemail.com addresses sign in with Google.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facebook is offered for self-service sign-up only, never for redeeming invitations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the issuer; its discovery document is read and validated (the issuer in it must match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read discovery document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner.example, other.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain, never in the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization: %1
Token: %2
JWKS: %3
Scopes: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atrium::ui::WelcomeDialog</name>
    <message>
        <source>Location: %1</source>
        <translation>Speicherort: %1</translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>atrium::ui::WhatIfDialog</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, at our side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>satisfied by the partner&apos;s MFA (trusted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What If</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound: their user signs in to our application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound: our user goes to their application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B collaboration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B direct connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other organization&apos;s tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure Commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Azure China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization&apos;s cloud when it is not a partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group ids (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in at the organization&apos;s own directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in carries its MFA claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…a compliant device claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…a hybrid joined device claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other organization allows automatic redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditional access policies that applied:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enforced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in and Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone@partner.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What if I invite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no partner: the default settings apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt; — %3&lt;/p&gt;&lt;p&gt;%4&lt;br&gt;Consent prompt: &lt;b&gt;%5&lt;/b&gt; · MFA: &lt;b&gt;%6&lt;/b&gt;%7&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Terms of use: &lt;b&gt;required&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (report-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none applied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt; — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would be invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would be refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
