/* DealFinance — exact deal finance. Header drift check (make drift).
 *
 * Includes the hand-written include/dealfinance.h and the header the Swift compiler emits for
 * the @c exports of Sources/DealFinanceC (-emit-clang-header-path). Compiled with clang and
 * -Werror, a parameter or return type that differs between the two declarations of a function
 * is a "conflicting types" error. (make export-check separately checks that the library exports
 * exactly the functions the header declares.) */
#include "dealfinance.h"
#include "DealFinanceC-Swift.h"

int main(void) { return 0; }
