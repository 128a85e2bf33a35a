#ifndef ENTRAIDE_CLIBXML2_SHIM_H
#define ENTRAIDE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its headers would then pull in the system ICU, which clashes with
// the ICU that Foundation ships. Nothing here uses libxml2's ICU encoding handlers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>

/// The libxml2 version string (a thread-local macro Swift cannot read).
static inline const char *xmlParserVersion_get(void) { return xmlParserVersion; }

/// Frees memory that libxml2 allocated (xmlFree is a mutable global Swift 6 cannot read).
static inline void entraide_xmlFree(void *p) { xmlFree(p); }

/// Makes every external entity, DTD and schema import local-only (no network), once per process.
static inline void entraide_xmlUseNoNetLoader(void) { xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader); }

#endif
