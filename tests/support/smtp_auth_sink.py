#!/usr/bin/python3
"""SMTP sink for Atrium's tests: aiosmtpd (Debian's python3-aiosmtpd) with STARTTLS or implicit TLS,
AUTH against one user name and password, and optional refusals, delivering into a maildir.

Run by tests/support/smtpsink.cpp; the plain mode uses `python3 -m aiosmtpd` directly.
"""

import argparse
import asyncio
import signal
import ssl

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class RefusingMailbox(Mailbox):
    """RCPT TO <refuse450...@...> gets 450, <refuse550...@...> gets 550; others are accepted."""

    def __init__(self, mail_dir, refusals):
        super().__init__(mail_dir)
        self.refusals = refusals

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if self.refusals and local.startswith("refuse450"):
            return "450 4.2.1 Mailbox temporarily unavailable"
        if self.refusals and local.startswith("refuse550"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--starttls", action="store_true")
    mode.add_argument("--smtps", action="store_true")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password", default="")
    parser.add_argument("--refusals", action="store_true")
    args = parser.parse_args()

    context = None
    if args.starttls or args.smtps:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.check_hostname = False
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == args.user.encode()
              and auth_data.password == args.password.encode())
        # handled=False lets aiosmtpd send the status itself (235, or 535 on failure).
        return AuthResult(success=ok, handled=False)

    handler = RefusingMailbox(args.maildir, args.refusals)
    smtp_kwargs = dict(hostname="sink.atrium.test", ident="Atrium test sink")
    if args.starttls:
        smtp_kwargs.update(tls_context=context, require_starttls=True)
    if args.user:
        # With implicit TLS the connection is already encrypted; aiosmtpd only knows about
        # STARTTLS, so it must not insist on it there.
        smtp_kwargs.update(authenticator=authenticator, auth_required=True,
                           auth_require_tls=not args.smtps)

    def factory():
        return SMTP(handler, **smtp_kwargs)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        loop.create_server(factory, host=args.host, port=args.port,
                           ssl=context if args.smtps else None))
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()


if __name__ == "__main__":
    main()
