#pragma once
// HEYMILO_API marks what the shared library exports: the library is compiled with hidden
// visibility, so a declaration without it stays inside libheymilo.so. It changes nothing in
// a static build.

#if defined(__GNUC__)
#define HEYMILO_API __attribute__((visibility("default")))
#else
#define HEYMILO_API
#endif
