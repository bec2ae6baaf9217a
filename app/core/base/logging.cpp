#include "core/base/logging.h"

Q_LOGGING_CATEGORY(lcStorage, "atrium.core.storage")
Q_LOGGING_CATEGORY(lcServices, "atrium.core.services")
Q_LOGGING_CATEGORY(lcInvitations, "atrium.core.invitations")
Q_LOGGING_CATEGORY(lcPolicy, "atrium.core.policy")
Q_LOGGING_CATEGORY(lcMail, "atrium.core.mail")
Q_LOGGING_CATEGORY(lcSecrets, "atrium.core.secrets")
Q_LOGGING_CATEGORY(lcFederation, "atrium.core.federation")
Q_LOGGING_CATEGORY(lcPortal, "atrium.core.portal")
