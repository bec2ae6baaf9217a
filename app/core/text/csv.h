#pragma once

// CSV reading and writing (RFC 4180). One header for the pair; each class has its own file.
#include "core/text/csvreader.h"
#include "core/text/csvwriter.h"
