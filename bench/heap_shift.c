// Preloaded by ab.sh: takes HEAP_SHIFT bytes from the heap before the program starts, so that
// every later small allocation lands that many bytes further on. Where a small payload's
// buffers fall relative to each other moves its time by up to 10%; ab.sh gives each turn
// another shift so that neither build is timed at one lucky or unlucky placement.
#include <stdlib.h>

void* volatile heap_shift;  // kept, so the compiler cannot drop the allocation

__attribute__((constructor)) static void shift_heap(void) {
  const char* bytes = getenv("HEAP_SHIFT");
  if (bytes) heap_shift = malloc(strtoul(bytes, NULL, 10));
}
