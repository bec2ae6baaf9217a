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
        <source>Used for this session only. Leave it empty to use PGPASSWORD or ~/.pgpass.</source>
        <translation>Wird nur für diese Sitzung verwendet. Leer lassen, um PGPASSWORD oder ~/.pgpass zu verwenden.</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
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
        <source>There is no setting called &quot;%1&quot;. Known settings: portalBaseUrl, invitationExpiryDays, auditViewRetentionDays, inactiveGuestDays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1</source>
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
    <name>atrium::models::DirectorySession</name>
    <message>
        <source>%1 holds no directory yet. Create one with File ▸ New directory.</source>
        <translation>%1 enthält noch kein Verzeichnis. Legen Sie eines mit Datei ▸ Neues Verzeichnis an.</translation>
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
    <name>atrium::ui::EmptyStatePane</name>
    <message>
        <source>No directory is open.</source>
        <translation>Kein Verzeichnis geöffnet.</translation>
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
        <source>Needs the role %1.</source>
        <translation>Erfordert die Rolle %1.</translation>
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
        <source>Arrives with cross-tenant access settings</source>
        <translation>Kommt mit den mandantenübergreifenden Zugriffseinstellungen</translation>
    </message>
    <message>
        <source>%1 · tenant %2</source>
        <translation>%1 · Mandant %2</translation>
    </message>
    <message>
        <source>Google, Facebook and SAML/WS-Fed arrive with the federation feature.</source>
        <translation>Google, Facebook und SAML/WS-Fed kommen mit der Verbundfunktion.</translation>
    </message>
</context>
<context>
    <name>atrium::ui::Panes</name>
    <message>
        <source>Guest users arrive with the invitations feature.</source>
        <translation>Gastbenutzer kommen mit der Einladungsfunktion.</translation>
    </message>
    <message>
        <source>This pane will list the directory&apos;s guest users with their state, identities, sponsors and sign-in status. The guest counts on the Overview already come from the directory.</source>
        <translation>Dieser Bereich wird die Gastbenutzer des Verzeichnisses mit Status, Identitäten, Sponsoren und Anmeldestatus auflisten. Die Gastzahlen in der Übersicht stammen bereits aus dem Verzeichnis.</translation>
    </message>
    <message>
        <source>Invitations arrive with the invitations feature.</source>
        <translation>Einladungen kommen mit der Einladungsfunktion.</translation>
    </message>
    <message>
        <source>Inviting guests one by one or in bulk from a CSV file, resending invitations and resetting redemption status will happen here.</source>
        <translation>Hier werden Sie Gäste einzeln oder per CSV-Datei als Massenvorgang einladen, Einladungen erneut senden und den Einlösestatus zurücksetzen.</translation>
    </message>
    <message>
        <source>External collaboration settings arrive with the collaboration policy feature.</source>
        <translation>Die Einstellungen für externe Zusammenarbeit kommen mit der Funktion für Zusammenarbeitsrichtlinien.</translation>
    </message>
    <message>
        <source>Guest user access, who may invite guests, collaboration restrictions (allow or deny lists of domains), self-service sign-up and the email one-time passcode setting.</source>
        <translation>Gastbenutzerzugriff, wer Gäste einladen darf, Einschränkungen der Zusammenarbeit (Zulassungs- oder Sperrlisten von Domänen), Self-Service-Registrierung und die Einstellung für Einmalkennungen per E-Mail.</translation>
    </message>
    <message>
        <source>Cross-tenant access settings arrive with the partner organizations feature.</source>
        <translation>Die mandantenübergreifenden Zugriffseinstellungen kommen mit der Funktion für Partnerorganisationen.</translation>
    </message>
    <message>
        <source>The default inbound and outbound B2B settings, partner organizations, inbound trust and automatic redemption. No partners are shown until they can be configured.</source>
        <translation>Die standardmäßigen eingehenden und ausgehenden B2B-Einstellungen, Partnerorganisationen, eingehende Vertrauensstellungen und automatische Einlösung. Partner werden erst angezeigt, wenn sie sich konfigurieren lassen.</translation>
    </message>
    <message>
        <source>Identity provider settings arrive with the federation feature.</source>
        <translation>Die Einstellungen für Identitätsanbieter kommen mit der Verbundfunktion.</translation>
    </message>
    <message>
        <source>The three built-in providers (partner directory, Microsoft account, email one-time passcode) are always available. Google, Facebook and SAML/WS-Fed federation will be configured here.</source>
        <translation>Die drei integrierten Anbieter (Partnerverzeichnis, Microsoft-Konto, Einmalkennung per E-Mail) sind immer verfügbar. Google, Facebook und SAML/WS-Fed-Verbund werden hier konfiguriert.</translation>
    </message>
    <message>
        <source>The audit log view arrives with the audit feature.</source>
        <translation>Die Ansicht des Überwachungsprotokolls kommt mit der Überwachungsfunktion.</translation>
    </message>
    <message>
        <source>Every change is already recorded in the directory&apos;s append-only audit log; until this pane can browse it, &quot;atriumctl audit&quot; shows it.</source>
        <translation>Jede Änderung wird bereits im nur erweiterbaren Überwachungsprotokoll des Verzeichnisses festgehalten; bis dieser Bereich es durchsuchen kann, zeigt „atriumctl audit“ es an.</translation>
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
</TS>
