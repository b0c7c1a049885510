#pragma once
// Whether this build is instrumented with AddressSanitizer. Instrumented code
// runs several times slower and reserves terabytes of address space, so CPU
// budgets are scaled and address-space limits are not applied under it.

namespace lambdalint {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

// How much slower than a plain build this one runs, for CPU-time budgets.
inline constexpr unsigned kSlowdown = kAddressSanitizer ? 20 : 1;

}  // namespace lambdalint
