#include "core/base/logging.h"

Q_LOGGING_CATEGORY(lcStorage, "atrium.core.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcServices, "atrium.core.services", QtWarningMsg)
Q_LOGGING_CATEGORY(lcInvitations, "atrium.core.invitations", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPolicy, "atrium.core.policy", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMail, "atrium.core.mail", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "atrium.core.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFederation, "atrium.core.federation", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPortal, "atrium.core.portal", QtWarningMsg)
