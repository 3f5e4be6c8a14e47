/* DealFinance — exact deal finance. The C interface (C99).
 *
 * This header is the contract: a function, type or constant that is not declared here is not
 * part of the published C API. It is also the reference manual; README.md has a tutorial.
 *
 * ===========================================================================================
 * Introduction
 * ===========================================================================================
 *
 * libdealfinance prices vehicle deals exactly. Money never passes through binary floating
 * point: amounts cross this interface as canonical decimal text (`"30000.00"`, the grammar of
 * Documentation/Reference/Values.md: `-?[0-9]+(\.[0-9]+)?`) or as whole minor units (cents) in an `int64_t`.
 *
 * Three groups of functions:
 *
 *   1. The JSON interface: `dfin_calculate` / `dfin_calculate_buffer` take one request object
 *      (Documentation/Reference/README.md; the same JSON `dealcalc quote` reads) and give the result object or the error
 *      object `{"error": {"code", "path", "message"}}` (Documentation/Reference/Errors.md). Every request and result
 *      kind is described by a JSON Schema (draft 2020-12) in schemas/ (schemas/README.md).
 *   2. Typed decimal helpers that do not go through JSON: validate, parse to minor units,
 *      format from minor units, round to a scale with a named rule.
 *   3. Typed loan payments that do not go through JSON: one deal, or a batch of N deals for
 *      rate sheets and portfolios.
 *
 * Every typed call has an `_ex` form with a last parameter `dfin_error *error`: a caller-owned
 * struct that receives the status, the parameter at fault (`path`) and a sentence saying what
 * was expected and what was found (`message`) — the detail the JSON error object carries.
 *
 * Why leases and the APR of dated cash flows are JSON only. A lease takes some thirty inputs,
 * several of them lists (fees, add-ons, rebates, trade-ins, taxes with their own bases) and
 * choices (rate method, residual as amount or percent, drive-off rules); the APR of dated
 * flows takes two lists of dated amounts and options. A typed C signature for either would be
 * a set of structs whose layout is frozen by this ABI the day it ships, so every added lease
 * field would need a new function. The JSON request is already the stable, versioned,
 * documented interface for them (Documentation/Lease.md, Documentation/Rates.md): one
 * `dfin_calculate` call, the same request `dealcalc` reads, with typed errors in the answer
 * (`{"error":{"code","path","message"}}`). The typed calls cover what is hot in batch use:
 * decimals and level loan payments.
 *
 * Conventions (every function follows them):
 *
 *   - Every fallible function returns a `dfin_status`: `DFIN_OK` (0) or one of the `DFIN_E…`
 *     codes below. Nothing aborts, traps or unwinds across this interface: NULL pointers, zero
 *     lengths, invalid UTF-8, oversized inputs, unknown enumeration values and too-small
 *     buffers all come back as a status.
 *   - Text input is a pointer plus a byte length; no NUL terminator is needed or read.
 *   - Output parameters come first; a single output is named `out`.
 *   - Text output goes either into a caller buffer (`out`, `capacity`, `out_length`: the
 *     caller-buffer protocol below) or into a string the library allocates and the caller
 *     releases with `dfin_string_free` — never with `free()`.
 *   - Enumerations cross as `int32_t` typedefs with named constants, never as C `enum`s.
 *
 * The caller-buffer protocol. `out` receives the text followed by a NUL; `*out_length` always
 * receives the text's length in bytes, not counting the NUL, whenever `out_length` is not
 * NULL. When `capacity < *out_length + 1` nothing is written to `out` and the function returns
 * `DFIN_EBUFFER_TOO_SMALL`: allocate `*out_length + 1` bytes and call again. `out` may be NULL
 * when `capacity` is 0 (a size query).
 *
 * Thread safety. Every function is reentrant and may be called from any number of threads at
 * once; the library has no global mutable state, no handles and no thread-local error state
 * (an error's detail goes only into the caller's `dfin_error`).
 * A call only reads its inputs and writes its outputs, so do not share an output buffer between
 * concurrent calls. The strings of `dfin_version_string` and `dfin_status_string` are static.
 *
 * Linking. libdealfinance.so carries the Swift runtime it needs (linked statically, with every
 * symbol except `dfin_*` hidden), so it needs only the C library, libm, libstdc++ and libgcc_s
 * at run time — no Swift toolchain. `pkg-config --cflags --libs dealfinance` gives the flags.
 *
 * Stability. The numeric values of every constant here are pinned forever and never reused.
 * Within a major version symbols are only added, never removed or changed; a function whose
 * meaning must change gets a new name with a `_v2` suffix and the old one stays; a function
 * that gains a `dfin_error *` detail parameter gets an `_ex` twin and the old one stays. The
 * layout of `dfin_error` is frozen. Check that the header and the library agree at start-up:
 *
 *     assert(dfin_version_number() == DFIN_VERSION_NUMBER);
 */
#ifndef DEALFINANCE_H
#define DEALFINANCE_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------------------------ */
/* Portability macros                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** DFIN_API: marks a function the library exports (the scheme of zstd.h's ZSTDLIB_API).
 *
 *  - ELF/Mach-O (GCC, Clang): default visibility, so the functions stay exported from a
 *    library built with -fvisibility=hidden.
 *  - Windows DLL: define DFIN_DLL_IMPORT=1 when the program links against dealfinance.dll
 *    (`__declspec(dllimport)`: a direct call through the import table); define
 *    DFIN_DLL_EXPORT=1 when compiling C code into the DLL itself (`__declspec(dllexport)`).
 *    Define neither for a static library. (The Swift build exports the @c functions itself.)
 *  - Define DFIN_API before including this header to override all of the above. */
#ifndef DFIN_API
#  if defined(__GNUC__) && (__GNUC__ >= 4) && !defined(__MINGW32__) && !defined(__CYGWIN__)
#    define DFIN_VISIBLE __attribute__((visibility("default")))
#  elif defined(__clang__) && !defined(_WIN32)
#    define DFIN_VISIBLE __attribute__((visibility("default")))
#  else
#    define DFIN_VISIBLE
#  endif
#  if defined(DFIN_DLL_EXPORT) && (DFIN_DLL_EXPORT == 1)
#    define DFIN_API __declspec(dllexport) DFIN_VISIBLE
#  elif defined(DFIN_DLL_IMPORT) && (DFIN_DLL_IMPORT == 1)
#    define DFIN_API __declspec(dllimport) DFIN_VISIBLE
#  else
#    define DFIN_API DFIN_VISIBLE
#  endif
#endif

/** DFIN_NULLABLE / DFIN_NONNULL: pointer nullability; `_Nullable`/`_Nonnull` on clang, nothing
 *  elsewhere. In this header `DFIN_NULLABLE` on a parameter means "NULL is detected and
 *  reported" (usually as `DFIN_ENULL_ARGUMENT`), not "NULL is a meaningful value"; each
 *  function says which pointers are required. */
#if defined(__clang__)
#  define DFIN_NULLABLE _Nullable
#  define DFIN_NONNULL _Nonnull
#else
#  define DFIN_NULLABLE
#  define DFIN_NONNULL
#endif

#if defined(__clang__)
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Wnullability-extension"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* Version                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** The version this header describes (semantic versioning). */
#define DFIN_VERSION_MAJOR 0
#define DFIN_VERSION_MINOR 2
#define DFIN_VERSION_PATCH 0
/** MAJOR·10000 + MINOR·100 + PATCH: 200 for 0.2.0. Compare with `dfin_version_number()`. */
#define DFIN_VERSION_NUMBER (DFIN_VERSION_MAJOR * 10000 + DFIN_VERSION_MINOR * 100 + DFIN_VERSION_PATCH)
/** "MAJOR.MINOR.PATCH". Compare with `dfin_version_string()`. */
#define DFIN_VERSION_STRING "0.2.0"

/**
 * The version of the library actually loaded, as DFIN_VERSION_NUMBER computes it.
 *
 * @return MAJOR·10000 + MINOR·100 + PATCH of the library (200 for 0.2.0).
 */
DFIN_API int32_t dfin_version_number(void);

/**
 * The version of the library actually loaded, as text.
 *
 * @return "MAJOR.MINOR.PATCH", NUL-terminated. Static storage owned by the library: never
 *         NULL, valid for the life of the process, not to be freed or modified.
 */
DFIN_API const char *DFIN_NONNULL dfin_version_string(void);

/* ------------------------------------------------------------------------------------------ */
/* Status codes                                                                                */
/* ------------------------------------------------------------------------------------------ */

/** A function's outcome: `DFIN_OK` or one of the `DFIN_E…` codes. Values are pinned forever. */
typedef int32_t dfin_status;

/** Success. */
#define DFIN_OK 0
/** Documentation/Reference/Errors.md `invalid_json`: the request is not valid JSON (including invalid UTF-8, an empty
 *  request, a key given twice, nesting deeper than 64 or more than 1 MiB). */
#define DFIN_EINVALID_JSON 1
/** Documentation/Reference/Errors.md `invalid_argument`: a field or parameter is missing, of the wrong type, out of
 *  range, unknown, or (typed calls) text that is not a valid decimal or is not exact at the
 *  requested scale under `DFIN_ROUND_REQUIRE_EXACT`. */
#define DFIN_EINVALID_ARGUMENT 2
/** Documentation/Reference/Errors.md `unsupported`: a valid combination this version does not compute. */
#define DFIN_EUNSUPPORTED 3
/** Documentation/Reference/Errors.md `no_solution`: no value satisfies the request (a solver found no root). */
#define DFIN_ENO_SOLUTION 4
/** Documentation/Reference/Errors.md `overflow`: a value or an intermediate result exceeds the engine's limits
 *  (more than 38 significant digits or decimals, a result that does not fit an int64_t). */
#define DFIN_EOVERFLOW 5
/** The caller's output buffer is too small; the needed length was stored (see the protocol). */
#define DFIN_EBUFFER_TOO_SMALL 6
/** A required pointer argument was NULL. Nothing was computed or written. */
#define DFIN_ENULL_ARGUMENT 7
/** A failure inside the library that no input should cause (please report it); also the
 *  status of a JSON error object whose code is "internal" (an invariant did not hold). */
#define DFIN_EINTERNAL 8

/**
 * The name of a status code.
 *
 * @param status Any value, including ones this version does not define.
 * @return "ok", "invalid_json", "invalid_argument", "unsupported", "no_solution", "overflow"
 *         (the Documentation/Reference/Errors.md JSON codes), "buffer_too_small", "null_argument", "internal", or
 *         "unknown" for a value not listed here. Static storage owned by the library: never
 *         NULL, not to be freed or modified.
 */
DFIN_API const char *DFIN_NONNULL dfin_status_string(dfin_status status);

/** Bytes of `dfin_error.path`, its NUL included. */
#define DFIN_ERROR_PATH_SIZE 64
/** Bytes of `dfin_error.message`, its NUL included. */
#define DFIN_ERROR_MESSAGE_SIZE 256

/**
 * The detail of a typed call's outcome, filled by the `_ex` functions (since 0.2.0). The caller
 * owns it (a local variable is fine); the library keeps no copy and no other error state.
 *
 *     dfin_error error;
 *     if (dfin_loan_payment_minor_ex(&payment, 3000000, 0, "6", 1, 0, 12, DFIN_TIMING_ARREARS,
 *                                    DFIN_ROUND_TO_NEAREST_OR_AWAY, 2, &error) != DFIN_OK)
 *         fprintf(stderr, "%s at %s: %s\n", dfin_status_string(error.status), error.path,
 *                 error.message);   // invalid_argument at term: expected a number of payments from 1 to 1200, found 0
 *
 * Fields (every one written by every `_ex` call whose `error` is not NULL):
 *   status  The status the call returns.
 *   path    The parameter at fault, by its name in this header (`apr`, `term`,
 *           `periods_per_year`, `capacity`, `out`), or an array element of a batch
 *           (`aprs[3]`); empty on success and when no single parameter is at fault.
 *           NUL-terminated.
 *   message What was expected and what was found ("expected a number of payments from 1 to
 *           1200, found 0"); empty on success. NUL-terminated UTF-8, cut at a character
 *           boundary if longer than DFIN_ERROR_MESSAGE_SIZE − 1 bytes.
 */
typedef struct dfin_error {
    dfin_status status;
    char path[DFIN_ERROR_PATH_SIZE];
    char message[DFIN_ERROR_MESSAGE_SIZE];
} dfin_error;

/* ------------------------------------------------------------------------------------------ */
/* The JSON interface (Documentation/Reference)                                                             */
/* ------------------------------------------------------------------------------------------ */

/**
 * Answers one JSON request; the library allocates the answer.
 *
 * The request is one JSON object whose "calculate" names what to compute (Documentation/Reference/README.md), e.g.
 * `{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60}`. The answer is the
 * result object, or the error object `{"error":{"code":…,"path":…,"message":…}}` whose code
 * the returned status names. Answers are compact JSON (no insignificant whitespace).
 *
 * @param out            Required. Receives a NUL-terminated UTF-8 answer owned by the caller,
 *                       to be released with `dfin_string_free` (never `free()`); set to NULL
 *                       when the status is DFIN_ENULL_ARGUMENT, or DFIN_EINTERNAL because
 *                       memory could not be allocated (an "internal" error object is
 *                       returned like any other).
 * @param out_length     Optional (may be NULL). Receives the answer's length in bytes,
 *                       not counting the NUL (0 when `*out` is NULL).
 * @param request        Required. The request's UTF-8 bytes; borrowed for the call only.
 * @param request_length Bytes in `request`; 0 is valid input (an invalid_json answer).
 * @return DFIN_OK with a result object; DFIN_EINVALID_JSON, DFIN_EINVALID_ARGUMENT,
 *         DFIN_EUNSUPPORTED, DFIN_ENO_SOLUTION or DFIN_EOVERFLOW with the error object that
 *         has that code; DFIN_ENULL_ARGUMENT when `out` or `request` is NULL; DFIN_EINTERNAL
 *         if memory cannot be allocated, or with the error object whose code is "internal"
 *         (an invariant of the engine failed; never caused by the request alone).
 */
DFIN_API dfin_status dfin_calculate(char *DFIN_NULLABLE *DFIN_NULLABLE out,
                                    size_t *DFIN_NULLABLE out_length,
                                    const char *DFIN_NULLABLE request, size_t request_length);

/**
 * Answers one JSON request into a caller buffer (the caller-buffer protocol).
 *
 * Same answers and statuses as `dfin_calculate`, except that when the answer (result or error
 * object) does not fit, DFIN_EBUFFER_TOO_SMALL is returned instead of the answer's status,
 * with the needed length in `*out_length`. A size query (`out` NULL, `capacity` 0) therefore
 * computes the answer once and the second call computes it again.
 *
 * @param out            Caller-owned buffer of `capacity` bytes; receives the NUL-terminated
 *                       answer. May be NULL only when `capacity` is 0.
 * @param capacity       Bytes available at `out`, including room for the NUL.
 * @param out_length     Required. Receives the answer's length in bytes, not counting the NUL
 *                       (0 for DFIN_ENULL_ARGUMENT).
 * @param request        Required. The request's UTF-8 bytes; borrowed for the call only.
 * @param request_length Bytes in `request`.
 * @return The answer's status as for `dfin_calculate`; DFIN_EBUFFER_TOO_SMALL when
 *         `capacity < *out_length + 1` (nothing written); DFIN_ENULL_ARGUMENT when
 *         `out_length` or `request` is NULL, or `out` is NULL with a nonzero `capacity`.
 */
DFIN_API dfin_status dfin_calculate_buffer(char *DFIN_NULLABLE out, size_t capacity,
                                           size_t *DFIN_NULLABLE out_length,
                                           const char *DFIN_NULLABLE request, size_t request_length);

/**
 * Releases a string the library allocated (`dfin_calculate`'s answer).
 *
 * @param string The string, or NULL (a harmless no-op). Must not be used afterwards.
 */
DFIN_API void dfin_string_free(char *DFIN_NULLABLE string);

/* ------------------------------------------------------------------------------------------ */
/* Rounding rules                                                                              */
/* ------------------------------------------------------------------------------------------ */

/**
 * How a value between two representable results is rounded. The names are the Swift
 * `RoundingRule` cases; the table rounds to a whole number.
 *
 *   rule                              −1.5  −0.5  0.5  2.5  known elsewhere as
 *   DFIN_ROUND_DOWN                    −2    −1    0    2   FLOOR
 *   DFIN_ROUND_UP                      −1     0    1    3   CEILING
 *   DFIN_ROUND_TOWARD_ZERO             −1     0    0    2   ROUND_DOWN, truncate
 *   DFIN_ROUND_AWAY_FROM_ZERO          −2    −1    1    3   ROUND_UP
 *   DFIN_ROUND_TO_NEAREST_OR_DOWN      −2    −1    0    2   HALF_FLOOR
 *   DFIN_ROUND_TO_NEAREST_OR_UP        −1     0    1    3   HALF_CEILING
 *   DFIN_ROUND_TO_NEAREST_OR_ZERO      −1     0    0    2   HALF_DOWN
 *   DFIN_ROUND_TO_NEAREST_OR_AWAY      −2    −1    1    3   HALF_UP (lenders; the `standard` profile)
 *   DFIN_ROUND_TO_NEAREST_OR_EVEN      −2     0    0    2   HALF_EVEN, banker's
 *   DFIN_ROUND_TO_ODD                  −1    −1    1    3   round to odd
 *   DFIN_ROUND_REQUIRE_EXACT           each of these fails with DFIN_EINVALID_ARGUMENT
 *
 * Note: "ROUND_UP" in mpdecimal/Java means away from zero; DFIN_ROUND_UP means toward +∞.
 */
typedef int32_t dfin_rounding;

#define DFIN_ROUND_DOWN 0
#define DFIN_ROUND_UP 1
#define DFIN_ROUND_TOWARD_ZERO 2
#define DFIN_ROUND_AWAY_FROM_ZERO 3
#define DFIN_ROUND_TO_NEAREST_OR_DOWN 4
#define DFIN_ROUND_TO_NEAREST_OR_UP 5
#define DFIN_ROUND_TO_NEAREST_OR_ZERO 6
#define DFIN_ROUND_TO_NEAREST_OR_AWAY 7
#define DFIN_ROUND_TO_NEAREST_OR_EVEN 8
#define DFIN_ROUND_TO_ODD 9
#define DFIN_ROUND_REQUIRE_EXACT 10

/* ------------------------------------------------------------------------------------------ */
/* Decimals                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Longest canonical decimal text in bytes, without the NUL ("-0." then 38 digits → 41). */
#define DFIN_DECIMAL_STRING_MAX 41
/** A buffer of this many bytes always holds a canonical decimal and its NUL. */
#define DFIN_DECIMAL_BUFFER_SIZE 48
/** Longest decimal text input in bytes; longer texts are rejected unread (DFIN_EINVALID_ARGUMENT). */
#define DFIN_DECIMAL_INPUT_MAX 1024
/** Largest scale (decimal places) a decimal may have. */
#define DFIN_DECIMAL_SCALE_MAX 38

/**
 * Checks that text is a plain decimal (Documentation/Reference/Values.md) of at most 38 significant digits and 38
 * decimal places, and reports its scale.
 *
 * @param out_scale   Optional (may be NULL). Receives the number of decimal places written.
 * @param text        Required. The decimal's UTF-8 bytes; borrowed for the call only.
 * @param text_length Bytes in `text` (at most DFIN_DECIMAL_INPUT_MAX).
 * @return DFIN_OK; DFIN_EINVALID_ARGUMENT for text that does not match
 *         `-?[0-9]+(\.[0-9]+)?` (exponents, `+`, spaces, separators, empty, invalid UTF-8,
 *         too long); DFIN_EOVERFLOW for too many digits; DFIN_ENULL_ARGUMENT when `text` is
 *         NULL.
 */
DFIN_API dfin_status dfin_decimal_validate(int32_t *DFIN_NULLABLE out_scale,
                                           const char *DFIN_NULLABLE text, size_t text_length);

/** `dfin_decimal_validate` that also fills `*error` (optional; see `dfin_error`). Since 0.2.0. */
DFIN_API dfin_status dfin_decimal_validate_ex(int32_t *DFIN_NULLABLE out_scale,
                                              const char *DFIN_NULLABLE text, size_t text_length,
                                              dfin_error *DFIN_NULLABLE error);

/**
 * Parses a decimal into whole units of 10^−scale (minor units): "436.66" at scale 2 → 43666.
 *
 * @param out         Required. Receives the value × 10^scale, rounded by `rounding`.
 * @param text        Required. The decimal's UTF-8 bytes; borrowed for the call only.
 * @param text_length Bytes in `text` (at most DFIN_DECIMAL_INPUT_MAX).
 * @param scale       Decimal places of the unit, 0 to 38 (2 for cents).
 * @param rounding    A DFIN_ROUND_* rule for digits beyond `scale`; DFIN_ROUND_REQUIRE_EXACT
 *                    rejects them.
 * @return DFIN_OK; DFIN_EINVALID_ARGUMENT for invalid text, an unknown rule, a scale outside
 *         0–38, or inexact text under DFIN_ROUND_REQUIRE_EXACT; DFIN_EOVERFLOW when the result
 *         does not fit an int64_t; DFIN_ENULL_ARGUMENT when `out` or `text` is NULL.
 */
DFIN_API dfin_status dfin_decimal_parse(int64_t *DFIN_NULLABLE out,
                                        const char *DFIN_NULLABLE text, size_t text_length,
                                        int32_t scale, dfin_rounding rounding);

/** `dfin_decimal_parse` that also fills `*error` (optional; see `dfin_error`). Since 0.2.0. */
DFIN_API dfin_status dfin_decimal_parse_ex(int64_t *DFIN_NULLABLE out,
                                           const char *DFIN_NULLABLE text, size_t text_length,
                                           int32_t scale, dfin_rounding rounding,
                                           dfin_error *DFIN_NULLABLE error);

/**
 * Formats whole units of 10^−scale as canonical decimal text: 43666 at scale 2 → "436.66",
 * −5 at scale 3 → "-0.005". The caller-buffer protocol applies; DFIN_DECIMAL_BUFFER_SIZE bytes
 * always suffice.
 *
 * @param out        Caller-owned buffer of `capacity` bytes (NULL only when `capacity` is 0).
 * @param capacity   Bytes available at `out`, including room for the NUL.
 * @param out_length Required. Receives the text's length, not counting the NUL.
 * @param value      The value in units of 10^−scale.
 * @param scale      Decimal places, 0 to 38.
 * @return DFIN_OK; DFIN_EINVALID_ARGUMENT for a scale outside 0–38; DFIN_EBUFFER_TOO_SMALL;
 *         DFIN_ENULL_ARGUMENT when `out_length` is NULL or `out` is NULL with a nonzero
 *         capacity.
 */
DFIN_API dfin_status dfin_decimal_format(char *DFIN_NULLABLE out, size_t capacity,
                                         size_t *DFIN_NULLABLE out_length,
                                         int64_t value, int32_t scale);

/** `dfin_decimal_format` that also fills `*error` (optional; see `dfin_error`); a too-small
 *  buffer is reported at `capacity` with the bytes needed. Since 0.2.0. */
DFIN_API dfin_status dfin_decimal_format_ex(char *DFIN_NULLABLE out, size_t capacity,
                                            size_t *DFIN_NULLABLE out_length,
                                            int64_t value, int32_t scale,
                                            dfin_error *DFIN_NULLABLE error);

/**
 * Rounds a decimal to `scale` decimal places by a rule and writes the canonical text:
 * ("2.345", 2, DFIN_ROUND_TO_NEAREST_OR_EVEN) → "2.34"; ("1.5", 3, any rule) → "1.500".
 * The caller-buffer protocol applies; DFIN_DECIMAL_BUFFER_SIZE bytes always suffice.
 *
 * @param out         Caller-owned buffer of `capacity` bytes (NULL only when `capacity` is 0).
 * @param capacity    Bytes available at `out`, including room for the NUL.
 * @param out_length  Required. Receives the text's length, not counting the NUL.
 * @param text        Required. The decimal's UTF-8 bytes; borrowed for the call only.
 * @param text_length Bytes in `text` (at most DFIN_DECIMAL_INPUT_MAX).
 * @param scale       Decimal places of the result, 0 to 38.
 * @param rounding    A DFIN_ROUND_* rule.
 * @return DFIN_OK; DFIN_EINVALID_ARGUMENT for invalid text, an unknown rule, a scale outside
 *         0–38 or an inexact result under DFIN_ROUND_REQUIRE_EXACT; DFIN_EOVERFLOW when the
 *         result needs more than 38 digits; DFIN_EBUFFER_TOO_SMALL; DFIN_ENULL_ARGUMENT when
 *         `text` or `out_length` is NULL or `out` is NULL with a nonzero capacity.
 */
DFIN_API dfin_status dfin_decimal_round(char *DFIN_NULLABLE out, size_t capacity,
                                        size_t *DFIN_NULLABLE out_length,
                                        const char *DFIN_NULLABLE text, size_t text_length,
                                        int32_t scale, dfin_rounding rounding);

/** `dfin_decimal_round` that also fills `*error` (optional; see `dfin_error`); a too-small
 *  buffer is reported at `capacity` with the bytes needed. Since 0.2.0. */
DFIN_API dfin_status dfin_decimal_round_ex(char *DFIN_NULLABLE out, size_t capacity,
                                           size_t *DFIN_NULLABLE out_length,
                                           const char *DFIN_NULLABLE text, size_t text_length,
                                           int32_t scale, dfin_rounding rounding,
                                           dfin_error *DFIN_NULLABLE error);

/* ------------------------------------------------------------------------------------------ */
/* Loan payments                                                                               */
/* ------------------------------------------------------------------------------------------ */

/** When payments fall in their periods. */
typedef int32_t dfin_timing;
/** End of each period (ordinary annuity): the first payment one period after signing. */
#define DFIN_TIMING_ARREARS 0
/** Start of each period (annuity due): the first payment at signing. */
#define DFIN_TIMING_ADVANCE 1

/**
 * The level payment of a plain loan, correctly rounded to minor units.
 *
 * The exact payment is P* = (A(1+i)^n − B)·i / ((1+i)^n − 1), divided by (1+i) in advance,
 * (A − B)/n at a zero rate, with i = apr/100/periods_per_year exactly; the result is P* rounded
 * by `rounding` — always equal to the exact rational rounded, including near-ties. This is the
 * `periodicPayment.net` of a JSON loan request with that principal, no odd first period.
 * the worked example of Documentation/Reference/Loan.md: ("30000.00", "10000.00", "6", 60, 12, ARREARS, TO_NEAREST_OR_AWAY, 2)
 * → 43666 (436.66).
 *
 * @param out              Required. Receives the payment in minor units.
 * @param principal        Required. The amount financed as decimal text in major units
 *                         ("30000.00"), above 0, at most 999999999999 major units and at
 *                         most `minor_digits` decimals. Borrowed for the call only.
 * @param principal_length Bytes in `principal`.
 * @param balloon          The balloon due with the last payment, as decimal text (0 up to
 *                         the principal; equal to it: interest only); NULL with
 *                         `balloon_length` 0 for none.
 * @param balloon_length   Bytes in `balloon`.
 * @param apr              Required. The annual percentage rate as percent text ("6.9"),
 *                         0 to 100, at most 10 decimals.
 * @param apr_length       Bytes in `apr`.
 * @param term             Number of payments, 1 to 1200.
 * @param periods_per_year Payments a year, 1 to 365 (12 monthly, 26 biweekly, 52 weekly…).
 * @param timing           DFIN_TIMING_ARREARS or DFIN_TIMING_ADVANCE.
 * @param rounding         A DFIN_ROUND_* rule for the payment (DFIN_ROUND_TO_NEAREST_OR_AWAY
 *                         is the `standard` profile); DFIN_ROUND_REQUIRE_EXACT succeeds only
 *                         when the exact payment is a whole number of minor units.
 * @param minor_digits     Decimals of the currency's minor unit, 0 to 4 (2 for USD, 0 JPY).
 * @return DFIN_OK; DFIN_EINVALID_ARGUMENT for any input out of range or invalid text;
 *         DFIN_EUNSUPPORTED for a balloon above the principal (negative amortization);
 *         DFIN_EOVERFLOW for a decimal with too many digits; DFIN_ENULL_ARGUMENT when `out`,
 *         `principal` or `apr` is NULL, or `balloon` is NULL with a nonzero length.
 */
DFIN_API dfin_status dfin_loan_payment(int64_t *DFIN_NULLABLE out,
                                       const char *DFIN_NULLABLE principal, size_t principal_length,
                                       const char *DFIN_NULLABLE balloon, size_t balloon_length,
                                       const char *DFIN_NULLABLE apr, size_t apr_length,
                                       int32_t term, int32_t periods_per_year,
                                       dfin_timing timing, dfin_rounding rounding,
                                       int32_t minor_digits);

/** `dfin_loan_payment` that also fills `*error` (optional; see `dfin_error`): e.g. path
 *  `apr`, message "expected an annual percentage rate from 0 to 100, found 140". Since 0.2.0. */
DFIN_API dfin_status dfin_loan_payment_ex(int64_t *DFIN_NULLABLE out,
                                          const char *DFIN_NULLABLE principal, size_t principal_length,
                                          const char *DFIN_NULLABLE balloon, size_t balloon_length,
                                          const char *DFIN_NULLABLE apr, size_t apr_length,
                                          int32_t term, int32_t periods_per_year,
                                          dfin_timing timing, dfin_rounding rounding,
                                          int32_t minor_digits, dfin_error *DFIN_NULLABLE error);

/**
 * `dfin_loan_payment` with the principal and balloon in minor units: (3000000, 1000000, "6",
 * 60, 12, ARREARS, TO_NEAREST_OR_AWAY, 2) → 43666.
 *
 * @param out              Required. Receives the payment in minor units.
 * @param principal        The principal in minor units: above 0, at most
 *                         999999999999 major units.
 * @param balloon          The balloon in minor units: 0 up to the principal (equal: interest only).
 * @param apr              Required. The annual percentage rate as percent text.
 * @param apr_length       Bytes in `apr`.
 * @param term             Number of payments, 1 to 1200.
 * @param periods_per_year Payments a year, 1 to 365.
 * @param timing           DFIN_TIMING_ARREARS or DFIN_TIMING_ADVANCE.
 * @param rounding         A DFIN_ROUND_* rule for the payment.
 * @param minor_digits     Decimals of the currency's minor unit, 0 to 4 (sets the limit on
 *                         the principal).
 * @return As `dfin_loan_payment`; DFIN_ENULL_ARGUMENT when `out` or `apr` is NULL.
 */
DFIN_API dfin_status dfin_loan_payment_minor(int64_t *DFIN_NULLABLE out,
                                             int64_t principal, int64_t balloon,
                                             const char *DFIN_NULLABLE apr, size_t apr_length,
                                             int32_t term, int32_t periods_per_year,
                                             dfin_timing timing, dfin_rounding rounding,
                                             int32_t minor_digits);

/** `dfin_loan_payment_minor` that also fills `*error` (optional; see `dfin_error`). Since 0.2.0. */
DFIN_API dfin_status dfin_loan_payment_minor_ex(int64_t *DFIN_NULLABLE out,
                                                int64_t principal, int64_t balloon,
                                                const char *DFIN_NULLABLE apr, size_t apr_length,
                                                int32_t term, int32_t periods_per_year,
                                                dfin_timing timing, dfin_rounding rounding,
                                                int32_t minor_digits, dfin_error *DFIN_NULLABLE error);

/**
 * Prices `count` loans in one call (rate sheets, portfolios): deal k is
 * `dfin_loan_payment_minor(&out_payments[k], principals[k], balloons ? balloons[k] : 0,
 * aprs[k], apr_lengths[k], terms[k], periods_per_year, timing, rounding, minor_digits)`.
 * Every deal is priced even when others fail. Deals with different frequencies, timings,
 * rules or currencies go in separate calls.
 *
 * @param out_payments     Required (when count > 0). Caller-owned array of `count`; receives
 *                         each payment in minor units, 0 where the deal failed.
 * @param out_statuses     Required (when count > 0). Caller-owned array of `count`; receives
 *                         each deal's status.
 * @param count            Number of deals (0 is valid: nothing to do).
 * @param principals       Required (when count > 0). `count` principals in minor units.
 * @param balloons         Optional. `count` balloons in minor units; NULL for no balloons.
 * @param aprs             Required (when count > 0). `count` pointers to percent texts; a NULL
 *                         element gives that deal DFIN_ENULL_ARGUMENT.
 * @param apr_lengths      Required (when count > 0). `count` byte lengths of the `aprs` texts.
 * @param terms            Required (when count > 0). `count` numbers of payments.
 * @param periods_per_year Payments a year for every deal, 1 to 365.
 * @param timing           DFIN_TIMING_* for every deal.
 * @param rounding         DFIN_ROUND_* for every deal.
 * @param minor_digits     Minor-unit decimals for every deal, 0 to 4.
 * @return DFIN_OK when every deal was priced; otherwise the status of the first deal that
 *         failed (every `out_statuses` entry is still written); DFIN_ENULL_ARGUMENT when a
 *         required array is NULL (nothing is written).
 */
DFIN_API dfin_status dfin_loan_payment_batch(int64_t *DFIN_NULLABLE out_payments,
                                             dfin_status *DFIN_NULLABLE out_statuses,
                                             size_t count,
                                             const int64_t *DFIN_NULLABLE principals,
                                             const int64_t *DFIN_NULLABLE balloons,
                                             const char *DFIN_NULLABLE const *DFIN_NULLABLE aprs,
                                             const size_t *DFIN_NULLABLE apr_lengths,
                                             const int32_t *DFIN_NULLABLE terms,
                                             int32_t periods_per_year, dfin_timing timing,
                                             dfin_rounding rounding, int32_t minor_digits);

/** `dfin_loan_payment_batch` that also fills `*error` (optional; see `dfin_error`) with the
 *  detail of the first deal that failed, its path naming the array element (`aprs[3]`,
 *  `terms[0]`, `principals[7]`) or the shared parameter (`periods_per_year`). Since 0.2.0. */
DFIN_API dfin_status dfin_loan_payment_batch_ex(int64_t *DFIN_NULLABLE out_payments,
                                                dfin_status *DFIN_NULLABLE out_statuses,
                                                size_t count,
                                                const int64_t *DFIN_NULLABLE principals,
                                                const int64_t *DFIN_NULLABLE balloons,
                                                const char *DFIN_NULLABLE const *DFIN_NULLABLE aprs,
                                                const size_t *DFIN_NULLABLE apr_lengths,
                                                const int32_t *DFIN_NULLABLE terms,
                                                int32_t periods_per_year, dfin_timing timing,
                                                dfin_rounding rounding, int32_t minor_digits,
                                                dfin_error *DFIN_NULLABLE error);
/* ========================================================================================== */
/* Portfolio batches: columnar loan and lease quotes, and JSON arrays                         */
/* ========================================================================================== */
/*
 * For portfolios and rate sheets: N deals as columns (struct-of-arrays), N answers as columns.
 * Amounts are `int64_t` minor units of the batch's currency; rates are `int64_t` coefficients
 * with one scale per column (6.9 % is 69 at scale 1 or 690 at scale 2, like an Arrow
 * decimal128 column). A NULL optional column means "absent" for every row (the JSON default).
 *
 * Row k gives exactly the numbers of the JSON request built from row k (shown per column
 * below): the batch builds the same RetailLoan or Lease value and runs the same quote, so
 * every business rule and error is the scalar path's. A row that fails gets its status and
 * zeros; the other rows are still priced. No JSON is built or parsed and no text is made, and
 * a row allocates nothing (one deal value is refilled row by row), except that solving a
 * loan's disclosed APR allocates its list of payments (one allocation per row; leave the `apr`
 * result NULL to skip it).
 *
 * Reentrant: disjoint slices of one batch may be priced on separate threads at once (offset
 * every column and result pointer by the slice's first row).
 */

/** Payment frequency codes (the JSON "frequency" names). */
typedef int32_t dfin_frequency;
#define DFIN_FREQUENCY_MONTHLY 0
#define DFIN_FREQUENCY_SEMIMONTHLY 1
#define DFIN_FREQUENCY_BIWEEKLY 2
#define DFIN_FREQUENCY_WEEKLY 3
#define DFIN_FREQUENCY_QUARTERLY 4
#define DFIN_FREQUENCY_SEMIANNUAL 5
#define DFIN_FREQUENCY_ANNUAL 6

/** Decimal places of the disclosed APR in `dfin_loan_results.apr` (hundredths of a percent). */
#define DFIN_BATCH_APR_SCALE 2

/** Largest JSON array `dfin_calculate_batch` reads, in bytes (256 MiB). */
#define DFIN_BATCH_JSON_MAX 268435456

/**
 * Loan deals as columns. Each column has `count` elements; the JSON field each row fills is
 * named after the arrow.
 */
typedef struct dfin_loan_columns {
    /** Required → "sellingPrice" (minor units, above 0). */
    const int64_t *DFIN_NULLABLE selling_price;
    /** Optional → "downPayment". */
    const int64_t *DFIN_NULLABLE down_payment;
    /** Optional → "tradeIns":[{"allowance"}] (one trade-in when this column is given). */
    const int64_t *DFIN_NULLABLE trade_in_allowance;
    /** Optional → the trade-in's "payoff" (needs `trade_in_allowance`). */
    const int64_t *DFIN_NULLABLE trade_in_payoff;
    /** Optional → "fees":[{"name":"Fees","amount"}]: one financed, untaxed fee. */
    const int64_t *DFIN_NULLABLE fees;
    /** Optional → "balloon":{"amount"}. */
    const int64_t *DFIN_NULLABLE balloon;
    /** Required → "apr": the annual rate in percent, `apr[k]` × 10^−`apr_scale`. */
    const int64_t *DFIN_NULLABLE apr;
    /** Decimal places of `apr`, 0 to 18. */
    int32_t apr_scale;
    /** Optional → "tax":{"rate"} (financed, with trade-in credit): percent × 10^−scale. */
    const int64_t *DFIN_NULLABLE tax_rate;
    /** Decimal places of `tax_rate`, 0 to 18. */
    int32_t tax_rate_scale;
    /** Required → "term": number of payments. */
    const int32_t *DFIN_NULLABLE term;
    /** Optional DFIN_FREQUENCY_* codes → "frequency" (NULL: monthly). */
    const dfin_frequency *DFIN_NULLABLE frequency;
    /** Optional DFIN_TIMING_* codes → "paymentTiming" (NULL: arrears). */
    const dfin_timing *DFIN_NULLABLE timing;
    /** Optional → "currency": ISO 4217 code bytes for every row (NULL with length 0: USD). */
    const char *DFIN_NULLABLE currency;
    /** Bytes in `currency`. */
    size_t currency_length;
} dfin_loan_columns;

/**
 * Where the loan answers go: caller-owned arrays of `count`, each the JSON result's line of
 * the same name in minor units. Optional arrays are skipped when NULL.
 */
typedef struct dfin_loan_results {
    /** Required ← "periodicPayment.total". */
    int64_t *DFIN_NULLABLE payment;
    /** Optional ← "finalPayment". */
    int64_t *DFIN_NULLABLE final_payment;
    /** Optional ← "amountFinanced". */
    int64_t *DFIN_NULLABLE amount_financed;
    /** Optional ← "financeCharge". */
    int64_t *DFIN_NULLABLE finance_charge;
    /** Optional ← "totalOfPayments". */
    int64_t *DFIN_NULLABLE total_of_payments;
    /** Optional ← "apr", the disclosed Regulation Z APR × 10^DFIN_BATCH_APR_SCALE; −1 where
     *  the JSON result has no "apr". Solving it is most of a row's time: NULL skips it. */
    int64_t *DFIN_NULLABLE apr;
    /** Required ← each row's status (the JSON error's code, or DFIN_OK). */
    dfin_status *DFIN_NULLABLE status;
} dfin_loan_results;

/**
 * Quotes `count` loans given as columns (see the section's introduction).
 *
 * @param out   Required. The result arrays; rows that fail get 0 in every amount.
 * @param in    Required. The input columns.
 * @param count Number of rows (0 is valid: nothing to do).
 * @return DFIN_OK when every row was quoted; otherwise the status of the first row that failed
 *         (every row's status is still written); DFIN_ENULL_ARGUMENT when `out`, `in` or a
 *         required array is NULL, or `currency` is NULL with a nonzero length;
 *         DFIN_EINVALID_ARGUMENT for a scale outside 0–18 (of a column given), an unknown
 *         currency, or `trade_in_payoff` without `trade_in_allowance` (nothing is written then).
 */
DFIN_API dfin_status dfin_loan_quote_batch(const dfin_loan_results *DFIN_NULLABLE out,
                                           const dfin_loan_columns *DFIN_NULLABLE in, size_t count);

/** Lease deals as columns (Documentation/Lease.md's fields). */
typedef struct dfin_lease_columns {
    /** Required → "sellingPrice" (minor units, above 0). */
    const int64_t *DFIN_NULLABLE selling_price;
    /** Optional → "msrp" (needed by `residual_percent`). */
    const int64_t *DFIN_NULLABLE msrp;
    /** → "residual":{"percent"} (percent of MSRP × 10^−scale); exactly one of this and
     *  `residual_amount` is given. */
    const int64_t *DFIN_NULLABLE residual_percent;
    /** Decimal places of `residual_percent`, 0 to 18. */
    int32_t residual_percent_scale;
    /** → "residual":{"amount"} (minor units). */
    const int64_t *DFIN_NULLABLE residual_amount;
    /** → "moneyFactor" × 10^−scale; exactly one of this and `apr` is given. */
    const int64_t *DFIN_NULLABLE money_factor;
    /** Decimal places of `money_factor`, 0 to 18. */
    int32_t money_factor_scale;
    /** → "apr" in percent × 10^−scale. */
    const int64_t *DFIN_NULLABLE apr;
    /** Decimal places of `apr`, 0 to 18. */
    int32_t apr_scale;
    /** Optional → "downPayment". */
    const int64_t *DFIN_NULLABLE down_payment;
    /** Optional → "tradeIns":[{"allowance"}] (one trade-in when given). */
    const int64_t *DFIN_NULLABLE trade_in_allowance;
    /** Optional → the trade-in's "payoff" (needs `trade_in_allowance`). */
    const int64_t *DFIN_NULLABLE trade_in_payoff;
    /** Optional → "fees":[{"name":"Fees","amount"}]: one capitalized, untaxed fee. */
    const int64_t *DFIN_NULLABLE fees;
    /** Optional → "tax":{"rate"} (monthly method, on each payment): percent × 10^−scale. */
    const int64_t *DFIN_NULLABLE tax_rate;
    /** Decimal places of `tax_rate`, 0 to 18. */
    int32_t tax_rate_scale;
    /** Required → "term": number of periods. */
    const int32_t *DFIN_NULLABLE term;
    /** Optional DFIN_TIMING_* codes → "paymentTiming" (NULL: advance). */
    const dfin_timing *DFIN_NULLABLE timing;
    /** Optional → "currency" (NULL with length 0: USD). */
    const char *DFIN_NULLABLE currency;
    /** Bytes in `currency`. */
    size_t currency_length;
} dfin_lease_columns;

/** Where the lease answers go (minor units; optional arrays skipped when NULL). */
typedef struct dfin_lease_results {
    /** Required ← "periodicPayment.total". */
    int64_t *DFIN_NULLABLE payment;
    /** Optional ← "periodicPayment.net" (the base payment). */
    int64_t *DFIN_NULLABLE base_payment;
    /** Optional ← "adjustedCapitalizedCost". */
    int64_t *DFIN_NULLABLE adjusted_capitalized_cost;
    /** Optional ← "residualValue". */
    int64_t *DFIN_NULLABLE residual_value;
    /** Optional ← "rentCharge". */
    int64_t *DFIN_NULLABLE rent_charge;
    /** Optional ← "totalOfPayments". */
    int64_t *DFIN_NULLABLE total_of_payments;
    /** Optional ← "dueAtSigning.total". */
    int64_t *DFIN_NULLABLE due_at_signing;
    /** Required ← each row's status. */
    dfin_status *DFIN_NULLABLE status;
} dfin_lease_results;

/**
 * Quotes `count` leases given as columns; as `dfin_loan_quote_batch`.
 *
 * @param out   Required. The result arrays; rows that fail get 0 in every amount.
 * @param in    Required. The input columns.
 * @param count Number of rows.
 * @return As `dfin_loan_quote_batch` (DFIN_EINVALID_ARGUMENT also when both or neither of
 *         `residual_percent`/`residual_amount`, or of `money_factor`/`apr`, are given).
 */
DFIN_API dfin_status dfin_lease_quote_batch(const dfin_lease_results *DFIN_NULLABLE out,
                                            const dfin_lease_columns *DFIN_NULLABLE in, size_t count);

/**
 * Answers a JSON array of requests with the JSON array of their answers, in order: element k
 * of the answer is what `dfin_calculate` answers for element k (a result or an error object).
 * Compact JSON, allocated by the library.
 *
 * @param out             Required. Receives the answer array (NUL-terminated, released with
 *                        `dfin_string_free`), or the error object when the input is not a JSON
 *                        array; NULL for DFIN_ENULL_ARGUMENT or DFIN_EINTERNAL.
 * @param out_length      Optional. Receives the answer's length in bytes.
 * @param requests        Required. UTF-8 JSON array of request objects (at most
 *                        DFIN_BATCH_JSON_MAX bytes; each element nested at most 64 deep).
 * @param requests_length Bytes in `requests`.
 * @return DFIN_OK when every element answered with a result; otherwise the status of the first
 *         element that failed; DFIN_EINVALID_JSON (with an error object) when the input is not a
 *         JSON array; DFIN_ENULL_ARGUMENT when `out` or `requests` is NULL.
 */
DFIN_API dfin_status dfin_calculate_batch(char *DFIN_NULLABLE *DFIN_NULLABLE out,
                                          size_t *DFIN_NULLABLE out_length,
                                          const char *DFIN_NULLABLE requests, size_t requests_length);

#ifdef __cplusplus
}
#endif

#if defined(__clang__)
#  pragma clang diagnostic pop
#endif

#endif /* DEALFINANCE_H */
