#ifndef ENTRAIDE_CTHREADS_H
#define ENTRAIDE_CTHREADS_H

#include <pthread.h>

/// How many processors this process may run on (all of them unless restricted, e.g. by `taskset`).
int entraide_allowed_processor_count(void);

/// Sets `attributes` so that a new thread starts on an allowed processor other than the caller's; 0 when done.
int entraide_start_elsewhere(pthread_attr_t *attributes);

/// Lets the calling thread run on every processor the process may run on; 0 when done.
int entraide_release_processor(void);

#endif
