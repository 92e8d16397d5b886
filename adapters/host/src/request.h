/* Turning a protocol Step (interleaving/step.ts) into a puppet command, and back to names. */
#ifndef RC_REQUEST_H
#define RC_REQUEST_H

#include "json.h"
#include "kernel.h"

/* Parse a Step object. On failure returns RES_REJECTED or RES_UNSUPPORTED with err naming the field. */
res_kind parse_step(const jvalue *step, step_request *out, char *err, size_t errlen);

/* Parse a Config object (interleaving/config.ts) into what the namespace applies. */
res_kind parse_config(const jvalue *config, ns_config *out, char *err, size_t errlen);

#endif
