// Processor affinity for CourseXML's worker threads. glibc declares these calls only under _GNU_SOURCE,
// which Swift's Glibc module does not set, hence this small C target.
#define _GNU_SOURCE
#include "CThreads.h"

#include <sched.h>
#include <unistd.h>

static int allowed(cpu_set_t *set) {
  CPU_ZERO(set);
  return sched_getaffinity(0, sizeof(cpu_set_t), set);
}

int entraide_allowed_processor_count(void) {
  cpu_set_t set;
  if (allowed(&set) != 0) return 1;
  return CPU_COUNT(&set);
}

int entraide_start_elsewhere(pthread_attr_t *attributes) {
  cpu_set_t set;
  if (allowed(&set) != 0) return -1;
  int current = sched_getcpu();
  if (current < 0 || !CPU_ISSET(current, &set)) return -1;
  CPU_CLR(current, &set);
  if (CPU_COUNT(&set) == 0) return -1;
  return pthread_attr_setaffinity_np(attributes, sizeof(cpu_set_t), &set);
}

int entraide_release_processor(void) {
  cpu_set_t set;
  // The process's mask (the main thread's, as it was never changed), not every processor of the machine.
  if (sched_getaffinity(getpid(), sizeof(cpu_set_t), &set) != 0) return -1;
  return sched_setaffinity(0, sizeof(cpu_set_t), &set);
}
