# DealFinance — exact deal finance. TypedDicts of the JSON requests and results (schemas/).
# Written by Tests/schema/typehints.py from schemas/*.schema.json: do not edit by hand; make
# schema-test fails when this file and the schemas differ.
"""The request and result objects of `dealfinance.calculate` as TypedDicts.

Each kind has a `…Request` and a `…Result` (LoanRequest, LoanResult, LeaseRequest, …) whose
keys are the properties of schemas/KIND.request.schema.json and KIND.result.schema.json:
required there, required here; every other key optional. Money, rates, dates and instants are
strings (DecimalText, DateText, InstantText), never floats.

>>> from dealfinance.types import LoanRequest
>>> request: LoanRequest = {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60}
"""

from typing import Any, Dict, List, Literal, TypedDict, Union

DecimalText = str
"""An exact decimal as text: "30000.00", "-0.5" (digits, one optional '.', optional '-')."""
DateText = str
"""A date YYYY-MM-DD."""
InstantText = str
"""An instant YYYY-MM-DDTHH:MM:SSZ (or with an offset ±HH:MM in requests)."""

_ErrorDetailRequired = TypedDict('_ErrorDetailRequired', {
    'code': Literal['invalid_json', 'invalid_argument', 'unsupported', 'no_solution', 'overflow', 'internal'],
    'path': str,
    'message': str,
})


class ErrorDetail(_ErrorDetailRequired):
    """`errorDetail` of common.schema.json."""


_ErrorAnswerRequired = TypedDict('_ErrorAnswerRequired', {'error': ErrorDetail})


class ErrorAnswer(_ErrorAnswerRequired):
    """The answer to a request that fails."""


_LoanRequestAddOnsRequired = TypedDict('_LoanRequestAddOnsRequired', {'amount': DecimalText})
_LoanRequestAddOnsOptional = TypedDict('_LoanRequestAddOnsOptional', {
    'name': str,
    'taxable': bool,
    'preInstalled': bool,
}, total=False)


class LoanRequestAddOns(_LoanRequestAddOnsRequired, _LoanRequestAddOnsOptional):
    """An add-on (taxable by default; preInstalled only marks it on the breakdown)."""


_LoanRequestProductsRequired = TypedDict('_LoanRequestProductsRequired', {'amount': DecimalText})
_LoanRequestProductsOptional = TypedDict('_LoanRequestProductsOptional', {
    'name': str,
    'taxable': bool,
}, total=False)


class LoanRequestProducts(_LoanRequestProductsRequired, _LoanRequestProductsOptional):
    """A product such as a service contract (not taxable by default)."""


_LoanRequestFeesRequired = TypedDict('_LoanRequestFeesRequired', {'amount': DecimalText})
_LoanRequestFeesOptional = TypedDict('_LoanRequestFeesOptional', {
    'name': str,
    'taxable': bool,
    'financed': bool,
    'prepaidFinanceCharge': bool,
}, total=False)


class LoanRequestFees(_LoanRequestFeesRequired, _LoanRequestFeesOptional):
    """The `LoanRequestFees` object."""


_LoanRequestTradeInsRequired = TypedDict('_LoanRequestTradeInsRequired', {'allowance': DecimalText})
_LoanRequestTradeInsOptional = TypedDict('_LoanRequestTradeInsOptional', {'payoff': DecimalText}, total=False)


class LoanRequestTradeIns(_LoanRequestTradeInsRequired, _LoanRequestTradeInsOptional):
    """A trade-in: the allowance and the payoff owed on it (default 0)."""


_LoanRequestRebatesRequired = TypedDict('_LoanRequestRebatesRequired', {'amount': DecimalText})
_LoanRequestRebatesOptional = TypedDict('_LoanRequestRebatesOptional', {'name': str}, total=False)


class LoanRequestRebates(_LoanRequestRebatesRequired, _LoanRequestRebatesOptional):
    """The `LoanRequestRebates` object."""


_LoanRequestTaxRequired = TypedDict('_LoanRequestTaxRequired', {'rate': DecimalText})
_LoanRequestTaxOptional = TypedDict('_LoanRequestTaxOptional', {
    'financed': bool,
    'tradeInCredit': bool,
    'rebatesReduceTaxBase': bool,
}, total=False)


class LoanRequestTax(_LoanRequestTaxRequired, _LoanRequestTaxOptional):
    """The `LoanRequestTax` object."""


_LoanRequestBalloonOptional = TypedDict('_LoanRequestBalloonOptional', {
    'amount': DecimalText,
    'percentOfMsrp': DecimalText,
    'percentOfSellingPrice': DecimalText,
}, total=False)


class LoanRequestBalloon(_LoanRequestBalloonOptional):
    """Exactly one of amount, percentOfMsrp, percentOfSellingPrice."""


_RoundingOverridesRequired = TypedDict('_RoundingOverridesRequired', {'base': str})
_RoundingOverridesOptional = TypedDict('_RoundingOverridesOptional', {
    'payment': Literal['down', 'up', 'towardZero', 'awayFromZero', 'toNearestOrDown', 'toNearestOrUp', 'toNearestOrZero', 'toNearestOrAway', 'toNearestOrEven', 'toOdd'],
    'paymentIncrement': DecimalText,
    'periodicRate': Literal['exact', 'rounded', 'truncated'],
    'periodicRateDecimals': int,
    'rateBasis': Literal['nominal', 'effectiveAnnual'],
    'totals': Literal['finalPaymentTrueUp', 'paymentTimesCount', 'exactPaymentRoundedOnce'],
    'balloonTiming': Literal['withLastPayment', 'onePeriodAfter'],
    'interest': Literal['toNearestOrAway', 'toNearestOrEven', 'towardZero'],
    'oddDays': Literal['thirtyDayMonths', 'actualOver365'],
    'leaseBasePayment': Literal['roundedOnce', 'partsRounded'],
    'leasePaymentTax': Literal['onRoundedBase', 'onUnroundedBase'],
    'moneyFactorDecimals': int,
    'tax': Literal['down', 'up', 'towardZero', 'awayFromZero', 'toNearestOrDown', 'toNearestOrUp', 'toNearestOrZero', 'toNearestOrAway', 'toNearestOrEven', 'toOdd'],
    'taxLines': Literal['perLine', 'onTotal'],
    'percentAmount': Literal['down', 'up', 'towardZero', 'awayFromZero', 'toNearestOrDown', 'toNearestOrUp', 'toNearestOrZero', 'toNearestOrAway', 'toNearestOrEven', 'toOdd'],
}, total=False)


class RoundingOverrides(_RoundingOverridesRequired, _RoundingOverridesOptional):
    """The object form of rounding."""


_LoanRequestRequired = TypedDict('_LoanRequestRequired', {'calculate': Literal['loan']})
_LoanRequestOptional = TypedDict('_LoanRequestOptional', {
    'solveFor': Literal['sellingPrice', 'downPayment', 'term', 'apr'],
    'targetPayment': DecimalText,
    'targetDueAtSigning': DecimalText,
    'sellingPrice': DecimalText,
    'apr': DecimalText,
    'term': int,
    'currency': str,
    'msrp': DecimalText,
    'addOns': List[LoanRequestAddOns],
    'products': List[LoanRequestProducts],
    'fees': List[LoanRequestFees],
    'tradeIns': List[LoanRequestTradeIns],
    'downPayment': DecimalText,
    'rebates': List[LoanRequestRebates],
    'tax': LoanRequestTax,
    'frequency': Literal['monthly', 'semimonthly', 'biweekly', 'weekly', 'quarterly', 'semiannual', 'annual'],
    'paymentTiming': Literal['arrears', 'advance'],
    'balloon': LoanRequestBalloon,
    'contractDate': DateText,
    'firstPaymentDate': DateText,
    'oddDays': Literal['spread', 'firstPayment', 'ignore'],
    'rounding': Union[str, RoundingOverrides],
    'includeSchedule': bool,
    'explain': bool,
}, total=False)


class LoanRequest(_LoanRequestRequired, _LoanRequestOptional):
    """{"calculate": "loan"}: a retail installment loan (Documentation/RetailLoan.md). With solveFor, a reverse solve (Documentation/Rates.md)."""


_LoanResultSolvedRequired = TypedDict('_LoanResultSolvedRequired', {
    'field': Literal['sellingPrice', 'downPayment', 'term', 'apr', 'moneyFactor'],
    'value': Union[DecimalText, int],
    'targetField': str,
    'target': DecimalText,
    'achieved': DecimalText,
    'rule': str,
    'evaluations': int,
})
_LoanResultSolvedOptional = TypedDict('_LoanResultSolvedOptional', {
    'adjacentValue': Union[DecimalText, int],
    'adjacentAchieved': DecimalText,
}, total=False)


class LoanResultSolved(_LoanResultSolvedRequired, _LoanResultSolvedOptional):
    """The reverse solve's answer (with solveFor)."""


_LoanResultAddOnsRequired = TypedDict('_LoanResultAddOnsRequired', {
    'name': str,
    'amount': DecimalText,
    'preInstalled': bool,
})


class LoanResultAddOns(_LoanResultAddOnsRequired):
    """An add-on as priced: its name, its amount at the currency's minor units, whether it is pre-installed."""


_LoanResultPeriodicPaymentRequired = TypedDict('_LoanResultPeriodicPaymentRequired', {
    'net': DecimalText,
    'tax': DecimalText,
    'total': DecimalText,
})


class LoanResultPeriodicPayment(_LoanResultPeriodicPaymentRequired):
    """The `LoanResultPeriodicPayment` object."""


_NamedAmountRequired = TypedDict('_NamedAmountRequired', {
    'name': str,
    'amount': DecimalText,
})


class NamedAmount(_NamedAmountRequired):
    """A named amount of a result."""


_LoanResultDueAtSigningRequired = TypedDict('_LoanResultDueAtSigningRequired', {
    'total': DecimalText,
    'items': List[NamedAmount],
})


class LoanResultDueAtSigning(_LoanResultDueAtSigningRequired):
    """The `LoanResultDueAtSigning` object."""


_LoanResultScheduleRequired = TypedDict('_LoanResultScheduleRequired', {
    'number': int,
    'payment': DecimalText,
    'interest': DecimalText,
    'principal': DecimalText,
    'balance': DecimalText,
})
_LoanResultScheduleOptional = TypedDict('_LoanResultScheduleOptional', {'date': DateText}, total=False)


class LoanResultSchedule(_LoanResultScheduleRequired, _LoanResultScheduleOptional):
    """The `LoanResultSchedule` object."""


_LoanResultRequired = TypedDict('_LoanResultRequired', {
    'calculate': Literal['loan'],
    'currency': str,
    'sellingPrice': DecimalText,
    'addOnsTotal': DecimalText,
    'productsTotal': DecimalText,
    'feesFinanced': DecimalText,
    'feesDueAtSigning': DecimalText,
    'downPayment': DecimalText,
    'rebatesTotal': DecimalText,
    'financedAmount': DecimalText,
    'capitalizedCostReduction': DecimalText,
    'netFinancedAmount': DecimalText,
    'prepaidFinanceCharges': DecimalText,
    'amountFinanced': DecimalText,
    'disclosedDownPayment': DecimalText,
    'contractRate': DecimalText,
    'periodicRate': DecimalText,
    'periodicPayment': LoanResultPeriodicPayment,
    'unroundedPayment': DecimalText,
    'numberOfPayments': int,
    'finalPayment': DecimalText,
    'financeCharge': DecimalText,
    'totalOfPayments': DecimalText,
    'totalSalePrice': DecimalText,
    'dueAtSigning': LoanResultDueAtSigning,
})
_LoanResultOptional = TypedDict('_LoanResultOptional', {
    'solved': LoanResultSolved,
    'msrp': DecimalText,
    'addOns': List[LoanResultAddOns],
    'preInstalledAddOnsTotal': DecimalText,
    'tradeInAllowance': DecimalText,
    'tradeInPayoff': DecimalText,
    'tradeInEquity': DecimalText,
    'taxableAmount': DecimalText,
    'salesTax': DecimalText,
    'apr': DecimalText,
    'aprUnrounded': DecimalText,
    'firstPayment': DecimalText,
    'balloon': DecimalText,
    'firstPaymentDate': DateText,
    'maturityDate': DateText,
    'schedule': List[LoanResultSchedule],
    'explain': Dict[str, str],
}, total=False)


class LoanResult(_LoanResultRequired, _LoanResultOptional):
    """The answer to a loan request: lines in breakdown order; lines that do not apply are omitted, never null. `solved` only with solveFor, `schedule` with includeSchedule, `explain` with explain."""


_LeaseRequestResidualOptional = TypedDict('_LeaseRequestResidualOptional', {
    'percent': DecimalText,
    'amount': DecimalText,
}, total=False)


class LeaseRequestResidual(_LeaseRequestResidualOptional):
    """Exactly one of percent (of MSRP) and amount."""


_LeaseRequestAddOnsRequired = TypedDict('_LeaseRequestAddOnsRequired', {'amount': DecimalText})
_LeaseRequestAddOnsOptional = TypedDict('_LeaseRequestAddOnsOptional', {
    'name': str,
    'taxable': bool,
    'residualized': bool,
    'residualPercent': DecimalText,
}, total=False)


class LeaseRequestAddOns(_LeaseRequestAddOnsRequired, _LeaseRequestAddOnsOptional):
    """The `LeaseRequestAddOns` object."""


_LeaseRequestProductsRequired = TypedDict('_LeaseRequestProductsRequired', {'amount': DecimalText})
_LeaseRequestProductsOptional = TypedDict('_LeaseRequestProductsOptional', {
    'name': str,
    'taxable': bool,
}, total=False)


class LeaseRequestProducts(_LeaseRequestProductsRequired, _LeaseRequestProductsOptional):
    """A product (not taxable by default)."""


_LeaseRequestFeesRequired = TypedDict('_LeaseRequestFeesRequired', {'amount': DecimalText})
_LeaseRequestFeesOptional = TypedDict('_LeaseRequestFeesOptional', {
    'name': str,
    'taxable': bool,
    'capitalized': bool,
}, total=False)


class LeaseRequestFees(_LeaseRequestFeesRequired, _LeaseRequestFeesOptional):
    """The `LeaseRequestFees` object."""


_LeaseRequestSecurityDepositsRequired = TypedDict('_LeaseRequestSecurityDepositsRequired', {'amount': DecimalText})
_LeaseRequestSecurityDepositsOptional = TypedDict('_LeaseRequestSecurityDepositsOptional', {'count': int}, total=False)


class LeaseRequestSecurityDeposits(_LeaseRequestSecurityDepositsRequired, _LeaseRequestSecurityDepositsOptional):
    """The `LeaseRequestSecurityDeposits` object."""


_LeaseRequestMultipleSecurityDepositsRequired = TypedDict('_LeaseRequestMultipleSecurityDepositsRequired', {
    'count': int,
    'moneyFactorReductionPerDeposit': DecimalText,
})
_LeaseRequestMultipleSecurityDepositsOptional = TypedDict('_LeaseRequestMultipleSecurityDepositsOptional', {
    'roundUpTo': DecimalText,
    'maximumCount': int,
}, total=False)


class LeaseRequestMultipleSecurityDeposits(_LeaseRequestMultipleSecurityDepositsRequired, _LeaseRequestMultipleSecurityDepositsOptional):
    """The `LeaseRequestMultipleSecurityDeposits` object."""


_LeaseRequestTaxComponentsRequired = TypedDict('_LeaseRequestTaxComponentsRequired', {
    'name': str,
    'rate': DecimalText,
})


class LeaseRequestTaxComponents(_LeaseRequestTaxComponentsRequired):
    """The `LeaseRequestTaxComponents` object."""


_LeaseRequestTaxOptional = TypedDict('_LeaseRequestTaxOptional', {
    'rate': DecimalText,
    'components': List[LeaseRequestTaxComponents],
    'method': Literal['monthly', 'upfrontOnPayments', 'upfrontOnPrice'],
    'capitalized': bool,
    'capitalizedTaxBase': Literal['excludesCappedTax', 'includesCappedTax'],
    'taxCashDown': bool,
    'tradeInCredit': bool,
    'rebatesReduceTaxBase': bool,
}, total=False)


class LeaseRequestTax(_LeaseRequestTaxOptional):
    """Exactly one of rate and components."""


_LeaseRequestRequired = TypedDict('_LeaseRequestRequired', {
    'calculate': Literal['lease'],
    'residual': LeaseRequestResidual,
})
_LeaseRequestOptional = TypedDict('_LeaseRequestOptional', {
    'solveFor': Literal['sellingPrice', 'downPayment', 'term', 'apr', 'moneyFactor'],
    'targetPayment': DecimalText,
    'targetDueAtSigning': DecimalText,
    'sellingPrice': DecimalText,
    'moneyFactor': DecimalText,
    'apr': DecimalText,
    'term': int,
    'rateMethod': Literal['moneyFactor', 'annuity'],
    'currency': str,
    'msrp': DecimalText,
    'addOns': List[LeaseRequestAddOns],
    'products': List[LeaseRequestProducts],
    'fees': List[LeaseRequestFees],
    'tradeIns': List[LoanRequestTradeIns],
    'downPayment': DecimalText,
    'rebates': List[LoanRequestRebates],
    'frequency': Literal['monthly', 'semimonthly', 'biweekly', 'weekly', 'quarterly', 'semiannual', 'annual'],
    'paymentTiming': Literal['arrears', 'advance'],
    'securityDeposits': LeaseRequestSecurityDeposits,
    'multipleSecurityDeposits': LeaseRequestMultipleSecurityDeposits,
    'onePay': bool,
    'dispositionFee': DecimalText,
    'zeroDriveOff': bool,
    'totalCash': DecimalText,
    'tax': LeaseRequestTax,
    'contractDate': DateText,
    'firstPaymentDate': DateText,
    'rounding': Union[str, RoundingOverrides],
    'includeSchedule': bool,
    'explain': bool,
}, total=False)


class LeaseRequest(_LeaseRequestRequired, _LeaseRequestOptional):
    """{"calculate": "lease"}: a closed-end lease (Documentation/Lease.md). The rate is moneyFactor or apr (exactly one). With solveFor, a reverse solve (Documentation/Rates.md)."""


_LeaseResultPeriodicPaymentRequired = TypedDict('_LeaseResultPeriodicPaymentRequired', {
    'net': DecimalText,
    'tax': DecimalText,
    'total': DecimalText,
})
_LeaseResultPeriodicPaymentOptional = TypedDict('_LeaseResultPeriodicPaymentOptional', {'taxes': List[NamedAmount]}, total=False)


class LeaseResultPeriodicPayment(_LeaseResultPeriodicPaymentRequired, _LeaseResultPeriodicPaymentOptional):
    """The `LeaseResultPeriodicPayment` object."""


_LeaseResultDueAtSigningRequired = TypedDict('_LeaseResultDueAtSigningRequired', {
    'total': DecimalText,
    'items': List[NamedAmount],
    'paidBy': List[NamedAmount],
})


class LeaseResultDueAtSigning(_LeaseResultDueAtSigningRequired):
    """The `LeaseResultDueAtSigning` object."""


_LeaseResultScheduleRequired = TypedDict('_LeaseResultScheduleRequired', {
    'number': int,
    'payment': DecimalText,
    'depreciation': DecimalText,
    'rentCharge': DecimalText,
    'balance': DecimalText,
})
_LeaseResultScheduleOptional = TypedDict('_LeaseResultScheduleOptional', {'date': DateText}, total=False)


class LeaseResultSchedule(_LeaseResultScheduleRequired, _LeaseResultScheduleOptional):
    """The `LeaseResultSchedule` object."""


_LeaseResultRequired = TypedDict('_LeaseResultRequired', {
    'calculate': Literal['lease'],
    'currency': str,
    'rateMethod': Literal['moneyFactor', 'annuity'],
    'sellingPrice': DecimalText,
    'addOnsTotal': DecimalText,
    'productsTotal': DecimalText,
    'feesCapitalized': DecimalText,
    'feesDueAtSigning': DecimalText,
    'grossCapitalizedCost': DecimalText,
    'downPayment': DecimalText,
    'rebatesTotal': DecimalText,
    'capitalizedCostReduction': DecimalText,
    'adjustedCapitalizedCost': DecimalText,
    'residualOnVehicle': DecimalText,
    'residualValue': DecimalText,
    'depreciation': DecimalText,
    'periodicDepreciation': DecimalText,
    'periodicRentCharge': DecimalText,
    'rentCharge': DecimalText,
    'moneyFactor': DecimalText,
    'periodicPayment': LeaseResultPeriodicPayment,
    'unroundedPayment': DecimalText,
    'numberOfPayments': int,
    'term': int,
    'disclosedDownPayment': DecimalText,
    'dueAtSigning': LeaseResultDueAtSigning,
    'cashDueAtSigning': DecimalText,
    'dispositionFee': DecimalText,
    'totalOfPayments': DecimalText,
})
_LeaseResultOptional = TypedDict('_LeaseResultOptional', {
    'solved': LoanResultSolved,
    'msrp': DecimalText,
    'tradeInAllowance': DecimalText,
    'tradeInPayoff': DecimalText,
    'tradeInEquity': DecimalText,
    'capitalizedTaxes': DecimalText,
    'capitalizedDriveOff': DecimalText,
    'totalCash': DecimalText,
    'residualOnAddOns': DecimalText,
    'moneyFactorNote': str,
    'moneyFactorBeforeDeposits': DecimalText,
    'equivalentApr': DecimalText,
    'equivalentAprNote': str,
    'apr': DecimalText,
    'periodicRate': DecimalText,
    'onePay': Literal[True],
    'securityDeposit': DecimalText,
    'securityDepositEach': DecimalText,
    'securityDepositCount': int,
    'taxMethod': Literal['monthly', 'upfrontOnPayments', 'upfrontOnPrice'],
    'taxCapitalized': bool,
    'capitalizedTaxBase': Literal['excludesCappedTax', 'includesCappedTax'],
    'upfrontTaxBase': DecimalText,
    'upfrontTax': DecimalText,
    'upfrontTaxes': List[NamedAmount],
    'firstPaymentDate': DateText,
    'leaseEndDate': DateText,
    'schedule': List[LeaseResultSchedule],
    'explain': Dict[str, str],
}, total=False)


class LeaseResult(_LeaseResultRequired, _LeaseResultOptional):
    """The answer to a lease request (Regulation M lines); lines that do not apply are omitted, never null."""


_APRRequestAdvancesRequired = TypedDict('_APRRequestAdvancesRequired', {
    'amount': DecimalText,
    'date': DateText,
})


class APRRequestAdvances(_APRRequestAdvancesRequired):
    """The `APRRequestAdvances` object."""


_APRRequestPaymentsSingleRequired = TypedDict('_APRRequestPaymentsSingleRequired', {
    'amount': DecimalText,
    'date': DateText,
})


class APRRequestPaymentsSingle(_APRRequestPaymentsSingleRequired):
    """One payment."""


_APRRequestPaymentsSeriesRequired = TypedDict('_APRRequestPaymentsSeriesRequired', {
    'amount': DecimalText,
    'count': int,
    'firstDate': DateText,
})
_APRRequestPaymentsSeriesOptional = TypedDict('_APRRequestPaymentsSeriesOptional', {'frequency': Literal['monthly', 'semimonthly', 'biweekly', 'weekly', 'quarterly', 'semiannual', 'annual']}, total=False)


class APRRequestPaymentsSeries(_APRRequestPaymentsSeriesRequired, _APRRequestPaymentsSeriesOptional):
    """A series of equal payments."""


_APRRequestRequired = TypedDict('_APRRequestRequired', {
    'calculate': Literal['apr'],
    'advances': List[APRRequestAdvances],
    'payments': List[Union[APRRequestPaymentsSingle, APRRequestPaymentsSeries]],
})
_APRRequestOptional = TypedDict('_APRRequestOptional', {
    'method': Literal['regz', 'eu'],
    'currency': str,
    'unitPeriod': Literal['monthly', 'semimonthly', 'biweekly', 'weekly', 'quarterly', 'semiannual', 'annual'],
    'timeBasis': Literal['months', 'days'],
    'disclosedApr': DecimalText,
}, total=False)


class APRRequest(_APRRequestRequired, _APRRequestOptional):
    """{"calculate": "apr"}: the APR of dated cash flows (Documentation/Rates.md)."""


_APRResultRequired = TypedDict('_APRResultRequired', {
    'calculate': Literal['apr'],
    'method': Literal['regz', 'eu'],
    'apr': DecimalText,
    'aprDisclosed': DecimalText,
    'unitPeriod': str,
    'unitPeriodsPerYear': Union[int, DecimalText],
    'financeCharge': DecimalText,
    'amountFinanced': DecimalText,
    'totalOfPayments': DecimalText,
})
_APRResultOptional = TypedDict('_APRResultOptional', {
    'transaction': Literal['regular', 'irregular'],
    'disclosedApr': DecimalText,
    'aprTolerance': DecimalText,
    'withinTolerance': bool,
}, total=False)


class APRResult(_APRResultRequired, _APRResultOptional):
    """The apr result."""


_TVMRequestRequired = TypedDict('_TVMRequestRequired', {
    'calculate': Literal['tvm'],
    'function': Literal['pmt', 'pv', 'fv', 'ipmt', 'ppmt', 'cumipmt', 'cumprinc', 'effect', 'nominal', 'npv', 'rate', 'irr', 'nper', 'xnpv', 'xirr'],
})
_TVMRequestOptional = TypedDict('_TVMRequestOptional', {
    'rate': DecimalText,
    'nper': int,
    'pv': DecimalText,
    'pmt': DecimalText,
    'fv': DecimalText,
    'type': int,
    'per': int,
    'startPeriod': int,
    'endPeriod': int,
    'nominalRate': DecimalText,
    'effectRate': DecimalText,
    'npery': int,
    'guess': DecimalText,
    'values': List[DecimalText],
    'dates': List[DateText],
}, total=False)


class TVMRequest(_TVMRequestRequired, _TVMRequestOptional):
    """{"calculate": "tvm"}: the spreadsheet time-value functions with exact arithmetic. Each function takes its spreadsheet arguments; any other field is invalid_argument."""


_TVMResultRequired = TypedDict('_TVMResultRequired', {
    'calculate': Literal['tvm'],
    'function': Literal['pmt', 'pv', 'fv', 'ipmt', 'ppmt', 'cumipmt', 'cumprinc', 'effect', 'nominal', 'npv', 'rate', 'irr', 'nper', 'xnpv', 'xirr'],
    'value': DecimalText,
})


class TVMResult(_TVMResultRequired):
    """The tvm result."""


_GridRequestDealRequired = TypedDict('_GridRequestDealRequired', {'calculate': Literal['loan', 'lease']})


class GridRequestDeal(_GridRequestDealRequired):
    """A loan or lease request without term, downPayment and solveFor (and without apr / moneyFactor when rates / moneyFactors are given): the grid supplies them."""


_GridRequestRequired = TypedDict('_GridRequestRequired', {
    'calculate': Literal['grid'],
    'deal': GridRequestDeal,
    'terms': List[int],
    'downPayments': List[DecimalText],
})
_GridRequestOptional = TypedDict('_GridRequestOptional', {
    'rates': List[DecimalText],
    'moneyFactors': List[DecimalText],
}, total=False)


class GridRequest(_GridRequestRequired, _GridRequestOptional):
    """{"calculate": "grid"}: one deal quoted for every term × down payment (× rate). The deal is checked by the loan or lease request schema with the grid's fields removed."""


_GridResultCellsRequired = TypedDict('_GridResultCellsRequired', {
    'term': int,
    'downPayment': DecimalText,
})
_GridResultCellsOptional = TypedDict('_GridResultCellsOptional', {
    'rate': DecimalText,
    'moneyFactor': DecimalText,
    'periodicPayment': DecimalText,
    'dueAtSigning': DecimalText,
    'amountFinanced': DecimalText,
    'adjustedCapitalizedCost': DecimalText,
    'totalOfPayments': DecimalText,
    'error': ErrorDetail,
}, total=False)


class GridResultCells(_GridResultCellsRequired, _GridResultCellsOptional):
    """One combination: its inputs and the quote's lines, or the error it failed with."""


_GridResultRequired = TypedDict('_GridResultRequired', {
    'calculate': Literal['grid'],
    'deal': Literal['loan', 'lease'],
    'terms': List[int],
    'downPayments': List[DecimalText],
    'order': str,
    'cells': List[GridResultCells],
})
_GridResultOptional = TypedDict('_GridResultOptional', {
    'rates': List[DecimalText],
    'moneyFactors': List[DecimalText],
}, total=False)


class GridResult(_GridResultRequired, _GridResultOptional):
    """The grid result."""


_PayoffRequestLoanRequired = TypedDict('_PayoffRequestLoanRequired', {
    'sellingPrice': DecimalText,
    'apr': DecimalText,
    'term': int,
})
_PayoffRequestLoanOptional = TypedDict('_PayoffRequestLoanOptional', {
    'calculate': Literal['loan'],
    'currency': str,
    'msrp': DecimalText,
    'addOns': List[LoanRequestAddOns],
    'products': List[LoanRequestProducts],
    'fees': List[LoanRequestFees],
    'tradeIns': List[LoanRequestTradeIns],
    'downPayment': DecimalText,
    'rebates': List[LoanRequestRebates],
    'tax': LoanRequestTax,
    'frequency': Literal['monthly', 'semimonthly', 'biweekly', 'weekly', 'quarterly', 'semiannual', 'annual'],
    'paymentTiming': Literal['arrears', 'advance'],
    'balloon': LoanRequestBalloon,
    'contractDate': DateText,
    'firstPaymentDate': DateText,
    'oddDays': Literal['spread', 'firstPayment', 'ignore'],
    'rounding': Union[str, RoundingOverrides],
    'includeSchedule': bool,
    'explain': bool,
}, total=False)


class PayoffRequestLoan(_PayoffRequestLoanRequired, _PayoffRequestLoanOptional):
    """The contract being paid off: a loan request ("calculate" optional; no solveFor)."""


_PayoffRequestPaymentsRequired = TypedDict('_PayoffRequestPaymentsRequired', {
    'date': DateText,
    'amount': DecimalText,
})


class PayoffRequestPayments(_PayoffRequestPaymentsRequired):
    """The `PayoffRequestPayments` object."""


_PayoffRequestRequired = TypedDict('_PayoffRequestRequired', {
    'calculate': Literal['payoff'],
    'method': Literal['simpleInterest', 'ruleOf78', 'actuarial'],
})
_PayoffRequestOptional = TypedDict('_PayoffRequestOptional', {
    'loan': PayoffRequestLoan,
    'payoffDate': DateText,
    'dayBasis': Literal['365', '360', 'actual'],
    'payments': List[PayoffRequestPayments],
    'principal': DecimalText,
    'apr': DecimalText,
    'startDate': DateText,
    'currency': str,
    'numberOfPayments': int,
    'payment': DecimalText,
    'financeCharge': DecimalText,
    'frequency': Literal['monthly', 'semimonthly', 'biweekly', 'weekly', 'quarterly', 'semiannual', 'annual'],
    'firstPaymentDate': DateText,
    'paymentsMade': int,
}, total=False)


class PayoffRequest(_PayoffRequestRequired, _PayoffRequestOptional):
    """{"calculate": "payoff"}: a payoff quote (Documentation/Rates.md): simpleInterest (daily accrual) or a precomputed contract (ruleOf78, actuarial), from a loan request or the contract's own figures."""


_PayoffResultHistoryRequired = TypedDict('_PayoffResultHistoryRequired', {
    'date': DateText,
    'days': int,
    'payment': DecimalText,
    'interestAccrued': DecimalText,
    'interestPaid': DecimalText,
    'principalPaid': DecimalText,
    'principalBalance': DecimalText,
    'unpaidInterest': DecimalText,
})


class PayoffResultHistory(_PayoffResultHistoryRequired):
    """The `PayoffResultHistory` object."""


_PayoffResultRequired = TypedDict('_PayoffResultRequired', {
    'calculate': Literal['payoff'],
    'method': Literal['simpleInterest'],
    'currency': str,
    'payoffAmount': DecimalText,
})
_PayoffResultOptional = TypedDict('_PayoffResultOptional', {
    'dayBasis': Literal['365', '360', 'actual'],
    'payoffDate': DateText,
    'principal': DecimalText,
    'apr': DecimalText,
    'startDate': DateText,
    'interestPaid': DecimalText,
    'principalPaid': DecimalText,
    'principalBalance': DecimalText,
    'unpaidInterest': DecimalText,
    'daysSinceLastPayment': int,
    'accruedInterest': DecimalText,
    'perDiem': DecimalText,
    'history': List[PayoffResultHistory],
    'numberOfPayments': int,
    'paymentsMade': int,
    'remainingPayments': int,
    'financeCharge': DecimalText,
    'remainingBalance': DecimalText,
    'rebate': DecimalText,
    'rebateExact': DecimalText,
    'earnedFinanceCharge': DecimalText,
}, total=False)


class PayoffResult(_PayoffResultRequired, _PayoffResultOptional):
    """The payoff result."""


_ReconcileRequestRequired = TypedDict('_ReconcileRequestRequired', {
    'calculate': Literal['reconcile'],
    'request': Any,
    'quoted': Dict[str, str],
})


class ReconcileRequest(_ReconcileRequestRequired):
    """{"calculate": "reconcile"}: which rounding conventions reproduce a printed lender quote (Documentation/MatchingALender.md)."""


_ReconcileResultLinesRequired = TypedDict('_ReconcileResultLinesRequired', {
    'path': str,
    'quoted': str,
    'computed': DecimalText,
    'matches': bool,
})


class ReconcileResultLines(_ReconcileResultLinesRequired):
    """The `ReconcileResultLines` object."""


_ReconcileResultProfilesRequired = TypedDict('_ReconcileResultProfilesRequired', {
    'rounding': RoundingOverrides,
    'departures': int,
})


class ReconcileResultProfiles(_ReconcileResultProfilesRequired):
    """The `ReconcileResultProfiles` object."""


_ReconcileResultImpliedRequired = TypedDict('_ReconcileResultImpliedRequired', {
    'field': Literal['sellingPrice', 'downPayment', 'term', 'apr', 'moneyFactor', 'residual'],
    'value': Union[DecimalText, int],
    'reproduces': List[str],
    'residuals': Dict[str, DecimalText],
})


class ReconcileResultImplied(_ReconcileResultImpliedRequired):
    """The `ReconcileResultImplied` object."""


_ReconcileResultSearchRequired = TypedDict('_ReconcileResultSearchRequired', {
    'size': int,
    'evaluated': int,
    'maximumDepartures': int,
})


class ReconcileResultSearch(_ReconcileResultSearchRequired):
    """The bounded profile search."""


_ReconcileResultRequired = TypedDict('_ReconcileResultRequired', {
    'calculate': Literal['reconcile'],
    'lines': List[ReconcileResultLines],
    'profiles': List[ReconcileResultProfiles],
    'implied': List[ReconcileResultImplied],
    'search': ReconcileResultSearch,
})


class ReconcileResult(_ReconcileResultRequired):
    """The reconcile result."""


_ContactPhonesRequired = TypedDict('_ContactPhonesRequired', {'number': str})
_ContactPhonesOptional = TypedDict('_ContactPhonesOptional', {
    'type': str,
    'time': Literal['morning', 'afternoon', 'evening', 'nopreference', 'day'],
    'preferred': bool,
}, total=False)


class ContactPhones(_ContactPhonesRequired, _ContactPhonesOptional):
    """The `ContactPhones` object."""


_ContactEmailsRequired = TypedDict('_ContactEmailsRequired', {'address': str})
_ContactEmailsOptional = TypedDict('_ContactEmailsOptional', {'preferred': bool}, total=False)


class ContactEmails(_ContactEmailsRequired, _ContactEmailsOptional):
    """The `ContactEmails` object."""


_ContactOptional = TypedDict('_ContactOptional', {
    'firstName': str,
    'lastName': str,
    'email': str,
    'phone': str,
    'preferredContact': Literal['phone', 'sms', 'email'],
    'postalCode': str,
    'regionCode': str,
    'phones': List[ContactPhones],
    'emails': List[ContactEmails],
}, total=False)


class Contact(_ContactOptional):
    """`contact` of lead.schema.json."""


_ExternalIDRequired = TypedDict('_ExternalIDRequired', {'value': str})
_ExternalIDOptional = TypedDict('_ExternalIDOptional', {
    'source': str,
    'sequence': str,
}, total=False)


class ExternalID(_ExternalIDRequired, _ExternalIDOptional):
    """`externalID` of lead.schema.json."""


_VehicleOptional = TypedDict('_VehicleOptional', {
    'year': int,
    'make': str,
    'model': str,
    'trim': str,
    'vin': str,
    'stockNumber': str,
    'condition': Literal['new', 'used', 'certified'],
    'mileage': int,
    'vehicleType': str,
    'price': DecimalText,
    'primary': bool,
    'externalIDs': List[ExternalID],
}, total=False)


class Vehicle(_VehicleOptional):
    """A vehicle of interest."""


_BudgetOptional = TypedDict('_BudgetOptional', {
    'minimum': DecimalText,
    'maximum': DecimalText,
    'currency': str,
}, total=False)


class Budget(_BudgetOptional):
    """`budget` of lead.schema.json."""


_TradeInOptional = TypedDict('_TradeInOptional', {
    'year': int,
    'make': str,
    'model': str,
    'trim': str,
    'vin': str,
    'mileage': int,
    'allowance': DecimalText,
    'payoff': DecimalText,
    'externalIDs': List[ExternalID],
}, total=False)


class TradeIn(_TradeInOptional):
    """`tradeIn` of lead.schema.json."""


_TimeframeOptional = TypedDict('_TimeframeOptional', {
    'description': str,
    'earliest': DateText,
    'latest': DateText,
    'horizon': Literal['withinWeek', 'withinMonth', 'withinQuarter', 'later', 'unknown'],
}, total=False)


class Timeframe(_TimeframeOptional):
    """`timeframe` of lead.schema.json."""


_SyncOptional = TypedDict('_SyncOptional', {
    'status': Literal['notSynced', 'pending', 'synced', 'failed'],
    'lastSyncedAt': InstantText,
}, total=False)


class Sync(_SyncOptional):
    """`sync` of lead.schema.json."""


_ConversionRequired = TypedDict('_ConversionRequired', {
    'soldVehicle': Vehicle,
    'finalPrice': DecimalText,
    'financingType': Literal['cash', 'finance', 'lease'],
})
_ConversionOptional = TypedDict('_ConversionOptional', {
    'tradeIn': TradeIn,
    'deliveryDate': DateText,
}, total=False)


class Conversion(_ConversionRequired, _ConversionOptional):
    """`conversion` of lead.schema.json."""


_FollowUpRequired = TypedDict('_FollowUpRequired', {'due': InstantText})
_FollowUpOptional = TypedDict('_FollowUpOptional', {
    'done': bool,
    'note': str,
}, total=False)


class FollowUp(_FollowUpRequired, _FollowUpOptional):
    """`followUp` of lead.schema.json."""


_ActivityRequired = TypedDict('_ActivityRequired', {
    'id': str,
    'at': InstantText,
    'actor': Literal['customer', 'dealer', 'system'],
    'type': Literal['chat', 'email', 'call', 'appointment', 'testDrive', 'note', 'statusChange', 'dealTermChange'],
})
_ActivityOptional = TypedDict('_ActivityOptional', {
    'direction': Literal['inbound', 'outbound'],
    'text': str,
    'subject': str,
    'durationSeconds': int,
    'outcome': Literal['connected', 'voicemail', 'noAnswer', 'busy', 'wrongNumber'],
    'scheduledFor': InstantText,
    'note': str,
    'vin': str,
    'workflow': Literal['pipeline', 'retailStatus', 'dealStatus'],
    'from': str,
    'to': str,
    'reason': str,
    'term': Literal['downPayment', 'term', 'creditScore', 'rebates', 'apr', 'sellingPrice', 'tradeInAllowance', 'monthlyPayment', 'other'],
}, total=False)


class Activity(_ActivityRequired, _ActivityOptional):
    """One activity; the fields besides id, at, actor and type depend on type."""


_VendorOptional = TypedDict('_VendorOptional', {
    'name': str,
    'url': str,
    'ids': List[ExternalID],
}, total=False)


class Vendor(_VendorOptional):
    """`vendor` of lead.schema.json."""


_ProviderOptional = TypedDict('_ProviderOptional', {
    'name': str,
    'service': str,
    'url': str,
    'email': str,
    'phone': str,
    'ids': List[ExternalID],
    'contact': Contact,
}, total=False)


class Provider(_ProviderOptional):
    """`provider` of lead.schema.json."""


_ExtraAttributesRequired = TypedDict('_ExtraAttributesRequired', {
    'name': str,
    'value': str,
})


class ExtraAttributes(_ExtraAttributesRequired):
    """The `ExtraAttributes` object."""


_XmlElementRequired = TypedDict('_XmlElementRequired', {'name': str})
_XmlElementOptional = TypedDict('_XmlElementOptional', {
    'attributes': List[ExtraAttributes],
    'text': str,
    'children': List['XmlElement'],
}, total=False)


class XmlElement(_XmlElementRequired, _XmlElementOptional):
    """An XML element kept from an ADF document: name, attributes, text and child elements."""


_ExtraRequired = TypedDict('_ExtraRequired', {
    'at': str,
    'name': str,
})
_ExtraOptional = TypedDict('_ExtraOptional', {
    'attributes': List[ExtraAttributes],
    'text': str,
    'children': List[XmlElement],
}, total=False)


class Extra(_ExtraRequired, _ExtraOptional):
    """An ADF element the lead model has no field for, where it stood (at) and as it was."""


_LeadRequired = TypedDict('_LeadRequired', {
    'id': str,
    'createdAt': InstantText,
    'source': Union[Literal['dealerPortal', 'dealerWebsite', 'paymentEstimator', 'drift', 'chat', 'phone', 'walkIn', 'referral', 'import', 'adf'], str],
})
_LeadOptional = TypedDict('_LeadOptional', {
    'contact': Contact,
    'vehicles': List[Vehicle],
    'budget': Budget,
    'desiredMonthlyPayment': DecimalText,
    'downPayment': DecimalText,
    'tradeIns': List[TradeIn],
    'timeframe': Timeframe,
    'creditTier': Literal['excellent', 'good', 'fair', 'poor'],
    'externalIDs': List[ExternalID],
    'stage': str,
    'retailStatus': Literal['abandoned', 'completed'],
    'dealID': str,
    'dealStatus': Literal['draft', 'submitted', 'pendingConfirmation', 'fullyReceived', 'approved', 'withdrawn', 'cancelled'],
    'priority': Literal['hot', 'medium', 'cold'],
    'score': int,
    'assignedTo': str,
    'sync': Sync,
    'lostReason': Literal['price', 'boughtElsewhere', 'financingDeclined', 'notReady', 'noResponse', 'other'],
    'lostNote': str,
    'conversion': Conversion,
    'followUps': List[FollowUp],
    'activities': List[Activity],
    'updatedAt': InstantText,
    'lastActivityAt': InstantText,
    'customerIDs': List[ExternalID],
    'vendor': Vendor,
    'provider': Provider,
    'extras': List[Extra],
}, total=False)


class Lead(_LeadRequired, _LeadOptional):
    """A lead in a request."""


_ScoringRulesCreditOptional = TypedDict('_ScoringRulesCreditOptional', {
    'excellent': int,
    'good': int,
    'fair': int,
    'poor': int,
}, total=False)


class ScoringRulesCredit(_ScoringRulesCreditOptional):
    """The `ScoringRulesCredit` object."""


_ScoringRulesDecayOptional = TypedDict('_ScoringRulesDecayOptional', {
    'periodSeconds': int,
    'pointsPerPeriod': int,
    'graceSeconds': int,
    'maximumPoints': int,
}, total=False)


class ScoringRulesDecay(_ScoringRulesDecayOptional):
    """The `ScoringRulesDecay` object."""


_ScoringRulesOptional = TypedDict('_ScoringRulesOptional', {
    'budget': int,
    'downPayment': int,
    'timeframeWithinWeek': int,
    'timeframeWithinMonth': int,
    'timeframeWithinQuarter': int,
    'timeframeLater': int,
    'engagementPerInteraction': int,
    'engagementMaximum': int,
    'appointment': int,
    'testDrive': int,
    'customSource': int,
    'responsive': int,
    'responsivenessWindowSeconds': int,
    'tradeIn': int,
    'hotThreshold': int,
    'mediumThreshold': int,
    'sources': Dict[str, int],
    'credit': ScoringRulesCredit,
    'decay': ScoringRulesDecay,
}, total=False)


class ScoringRules(_ScoringRulesOptional):
    """Scoring points and thresholds (defaults in Documentation/Leads.md)."""


_LeadScoreRequestRequired = TypedDict('_LeadScoreRequestRequired', {
    'calculate': Literal['leadScore'],
    'lead': Lead,
})
_LeadScoreRequestOptional = TypedDict('_LeadScoreRequestOptional', {
    'asOf': InstantText,
    'rules': ScoringRules,
}, total=False)


class LeadScoreRequest(_LeadScoreRequestRequired, _LeadScoreRequestOptional):
    """{"calculate": "leadScore"}: the lead's score 0-100 and priority with each rule's contribution."""


_LeadScoreResultContributionsRequired = TypedDict('_LeadScoreResultContributionsRequired', {
    'rule': str,
    'points': int,
    'reason': str,
})


class LeadScoreResultContributions(_LeadScoreResultContributionsRequired):
    """The `LeadScoreResultContributions` object."""


_LeadScoreResultRequired = TypedDict('_LeadScoreResultRequired', {
    'calculate': Literal['leadScore'],
    'score': int,
    'total': int,
    'priority': Literal['hot', 'medium', 'cold'],
    'contributions': List[LeadScoreResultContributions],
})


class LeadScoreResult(_LeadScoreResultRequired):
    """The leadScore result."""


_PipelineStagesRequired = TypedDict('_PipelineStagesRequired', {'name': str})
_PipelineStagesOptional = TypedDict('_PipelineStagesOptional', {
    'won': bool,
    'lost': bool,
}, total=False)


class PipelineStages(_PipelineStagesRequired, _PipelineStagesOptional):
    """The `PipelineStages` object."""


_PipelineRequired = TypedDict('_PipelineRequired', {'stages': List[PipelineStages]})
_PipelineOptional = TypedDict('_PipelineOptional', {'allowsReopening': bool}, total=False)


class Pipeline(_PipelineRequired, _PipelineOptional):
    """A sales pipeline (default: the standard one)."""


_LeadIndicatorsRequestRequired = TypedDict('_LeadIndicatorsRequestRequired', {
    'calculate': Literal['leadIndicators'],
    'lead': Lead,
    'asOf': InstantText,
})
_LeadIndicatorsRequestOptional = TypedDict('_LeadIndicatorsRequestOptional', {
    'pipeline': Pipeline,
    'rules': ScoringRules,
    'responseTargetSeconds': int,
    'recentChatSeconds': int,
    'qualifiedStage': str,
}, total=False)


class LeadIndicatorsRequest(_LeadIndicatorsRequestRequired, _LeadIndicatorsRequestOptional):
    """{"calculate": "leadIndicators"}: the lead's flags (hot, overdue, ...) at asOf."""


_LeadIndicatorsResultRequired = TypedDict('_LeadIndicatorsResultRequired', {
    'calculate': Literal['leadIndicators'],
    'hot': bool,
    'overdue': bool,
    'responseOverdue': bool,
    'followUpOverdue': bool,
    'appointmentSet': bool,
    'recentChat': bool,
    'qualified': bool,
    'score': int,
    'priority': Literal['hot', 'medium', 'cold'],
})
_LeadIndicatorsResultOptional = TypedDict('_LeadIndicatorsResultOptional', {'firstResponseAt': InstantText}, total=False)


class LeadIndicatorsResult(_LeadIndicatorsResultRequired, _LeadIndicatorsResultOptional):
    """The leadIndicators result."""


_LeadTransitionRequestRequired = TypedDict('_LeadTransitionRequestRequired', {
    'calculate': Literal['leadTransition'],
    'lead': Lead,
    'to': str,
    'actor': Literal['customer', 'dealer', 'system'],
    'at': InstantText,
})
_LeadTransitionRequestOptional = TypedDict('_LeadTransitionRequestOptional', {
    'activityID': str,
    'workflow': Literal['pipeline', 'retailStatus', 'dealStatus'],
    'pipeline': Pipeline,
    'reason': Literal['price', 'boughtElsewhere', 'financingDeclined', 'notReady', 'noResponse', 'other'],
    'note': str,
    'dealID': str,
}, total=False)


class LeadTransitionRequest(_LeadTransitionRequestRequired, _LeadTransitionRequestOptional):
    """{"calculate": "leadTransition"}: moves a lead along a workflow (pipeline by default: pipeline, reason and note; dealStatus: dealID; retailStatus: neither)."""


_LeadRecordBudgetRequired = TypedDict('_LeadRecordBudgetRequired', {'currency': str})
_LeadRecordBudgetOptional = TypedDict('_LeadRecordBudgetOptional', {
    'minimum': DecimalText,
    'maximum': DecimalText,
}, total=False)


class LeadRecordBudget(_LeadRecordBudgetRequired, _LeadRecordBudgetOptional):
    """The `LeadRecordBudget` object."""


_LeadRecordFollowUpsRequired = TypedDict('_LeadRecordFollowUpsRequired', {
    'due': InstantText,
    'done': bool,
})
_LeadRecordFollowUpsOptional = TypedDict('_LeadRecordFollowUpsOptional', {'note': str}, total=False)


class LeadRecordFollowUps(_LeadRecordFollowUpsRequired, _LeadRecordFollowUpsOptional):
    """The `LeadRecordFollowUps` object."""


_LeadRecordRequired = TypedDict('_LeadRecordRequired', {
    'id': str,
    'createdAt': InstantText,
    'source': Union[Literal['dealerPortal', 'dealerWebsite', 'paymentEstimator', 'drift', 'chat', 'phone', 'walkIn', 'referral', 'import', 'adf'], str],
    'stage': str,
    'sync': Sync,
    'updatedAt': InstantText,
})
_LeadRecordOptional = TypedDict('_LeadRecordOptional', {
    'contact': Contact,
    'vehicles': List[Vehicle],
    'budget': LeadRecordBudget,
    'desiredMonthlyPayment': DecimalText,
    'downPayment': DecimalText,
    'tradeIns': List[TradeIn],
    'timeframe': Timeframe,
    'creditTier': Literal['excellent', 'good', 'fair', 'poor'],
    'externalIDs': List[ExternalID],
    'retailStatus': Literal['abandoned', 'completed'],
    'dealID': str,
    'dealStatus': Literal['draft', 'submitted', 'pendingConfirmation', 'fullyReceived', 'approved', 'withdrawn', 'cancelled'],
    'priority': Literal['hot', 'medium', 'cold'],
    'score': int,
    'assignedTo': str,
    'lostReason': Literal['price', 'boughtElsewhere', 'financingDeclined', 'notReady', 'noResponse', 'other'],
    'lostNote': str,
    'conversion': Conversion,
    'followUps': List[LeadRecordFollowUps],
    'activities': List[Activity],
    'lastActivityAt': InstantText,
    'customerIDs': List[ExternalID],
    'vendor': Vendor,
    'provider': Provider,
    'extras': List[Extra],
}, total=False)


class LeadRecord(_LeadRecordRequired, _LeadRecordOptional):
    """A lead in a result (every stored field; empty lists and absent values omitted)."""


_LeadTransitionResultRequired = TypedDict('_LeadTransitionResultRequired', {
    'calculate': Literal['leadTransition'],
    'workflow': Literal['pipeline', 'retailStatus', 'dealStatus'],
    'to': str,
    'lead': LeadRecord,
})
_LeadTransitionResultOptional = TypedDict('_LeadTransitionResultOptional', {'from': str}, total=False)


class LeadTransitionResult(_LeadTransitionResultRequired, _LeadTransitionResultOptional):
    """The leadTransition result."""


_DealTransitionRequestRequired = TypedDict('_DealTransitionRequestRequired', {
    'calculate': Literal['dealTransition'],
    'lead': Lead,
    'to': str,
    'actor': Literal['customer', 'dealer', 'system'],
    'at': InstantText,
})
_DealTransitionRequestOptional = TypedDict('_DealTransitionRequestOptional', {
    'activityID': str,
    'dealID': str,
}, total=False)


class DealTransitionRequest(_DealTransitionRequestRequired, _DealTransitionRequestOptional):
    """{"calculate": "dealTransition"}: moves a lead's deal status."""


_DealTransitionResultRequired = TypedDict('_DealTransitionResultRequired', {
    'calculate': Literal['dealTransition'],
    'to': str,
    'allowedNext': List[str],
    'lead': LeadRecord,
})
_DealTransitionResultOptional = TypedDict('_DealTransitionResultOptional', {'from': str}, total=False)


class DealTransitionResult(_DealTransitionResultRequired, _DealTransitionResultOptional):
    """The dealTransition result."""


_LeadAssignRequestTeamPriceRangeOptional = TypedDict('_LeadAssignRequestTeamPriceRangeOptional', {
    'minimum': DecimalText,
    'maximum': DecimalText,
}, total=False)


class LeadAssignRequestTeamPriceRange(_LeadAssignRequestTeamPriceRangeOptional):
    """The `LeadAssignRequestTeamPriceRange` object."""


_BusinessHoursOptional = TypedDict('_BusinessHoursOptional', {
    'open': str,
    'close': str,
    'days': List[Literal['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']],
}, total=False)


class BusinessHours(_BusinessHoursOptional):
    """`businessHours` of lead.schema.json."""


_LeadAssignRequestTeamRequired = TypedDict('_LeadAssignRequestTeamRequired', {'id': str})
_LeadAssignRequestTeamOptional = TypedDict('_LeadAssignRequestTeamOptional', {
    'vehicleTypes': List[str],
    'conditions': List[Literal['new', 'used', 'certified']],
    'priceRange': LeadAssignRequestTeamPriceRange,
    'territories': List[str],
    'workingHours': BusinessHours,
    'busy': bool,
}, total=False)


class LeadAssignRequestTeam(_LeadAssignRequestTeamRequired, _LeadAssignRequestTeamOptional):
    """The `LeadAssignRequestTeam` object."""


_TimeZoneOptional = TypedDict('_TimeZoneOptional', {
    'standardOffset': str,
    'usDaylightSaving': bool,
}, total=False)


class TimeZone(_TimeZoneOptional):
    """The dealer's time zone (default UTC)."""


_LeadAssignRequestStateOptional = TypedDict('_LeadAssignRequestStateOptional', {'lastAssigneeID': str}, total=False)


class LeadAssignRequestState(_LeadAssignRequestStateOptional):
    """The `LeadAssignRequestState` object."""


_LeadAssignRequestRequired = TypedDict('_LeadAssignRequestRequired', {
    'calculate': Literal['leadAssign'],
    'asOf': InstantText,
    'team': List[LeadAssignRequestTeam],
})
_LeadAssignRequestOptional = TypedDict('_LeadAssignRequestOptional', {
    'lead': Lead,
    'leads': List[Lead],
    'timeZone': TimeZone,
    'useAvailability': bool,
    'useSpecialization': bool,
    'useTerritory': bool,
    'state': LeadAssignRequestState,
    'manual': str,
}, total=False)


class LeadAssignRequest(_LeadAssignRequestRequired, _LeadAssignRequestOptional):
    """{"calculate": "leadAssign"}: routes one lead (lead, optionally manual) or many (leads) to the team."""


_LeadAssignResultAssignmentsRequired = TypedDict('_LeadAssignResultAssignmentsRequired', {
    'leadID': str,
    'method': Literal['manual', 'roundRobin', 'unassigned'],
    'reasons': List[str],
})
_LeadAssignResultAssignmentsOptional = TypedDict('_LeadAssignResultAssignmentsOptional', {'assignee': str}, total=False)


class LeadAssignResultAssignments(_LeadAssignResultAssignmentsRequired, _LeadAssignResultAssignmentsOptional):
    """The `LeadAssignResultAssignments` object."""


_LeadAssignResultRequired = TypedDict('_LeadAssignResultRequired', {
    'calculate': Literal['leadAssign'],
    'state': LeadAssignRequestState,
})
_LeadAssignResultOptional = TypedDict('_LeadAssignResultOptional', {
    'assignee': str,
    'method': Literal['manual', 'roundRobin', 'unassigned'],
    'reasons': List[str],
    'assignments': List[LeadAssignResultAssignments],
}, total=False)


class LeadAssignResult(_LeadAssignResultRequired, _LeadAssignResultOptional):
    """The leadAssign result."""


_FollowUpDueRequestRequired = TypedDict('_FollowUpDueRequestRequired', {
    'calculate': Literal['followUpDue'],
    'asOf': InstantText,
    'preset': Literal['oneHour', 'tomorrow', 'threeDays', 'oneWeek', 'custom'],
})
_FollowUpDueRequestOptional = TypedDict('_FollowUpDueRequestOptional', {
    'customAt': InstantText,
    'timeZone': TimeZone,
    'businessHours': BusinessHours,
    'tomorrowAt': str,
    'snapToBusinessHours': bool,
}, total=False)


class FollowUpDueRequest(_FollowUpDueRequestRequired, _FollowUpDueRequestOptional):
    """{"calculate": "followUpDue"}: when a follow-up preset falls due (customAt with preset custom only)."""


_FollowUpDueResultRequired = TypedDict('_FollowUpDueResultRequired', {
    'calculate': Literal['followUpDue'],
    'due': InstantText,
    'dueLocal': InstantText,
})


class FollowUpDueResult(_FollowUpDueResultRequired):
    """The followUpDue result."""


_LeadDuplicatesRequestRequired = TypedDict('_LeadDuplicatesRequestRequired', {
    'calculate': Literal['leadDuplicates'],
    'leads': List[Lead],
})
_LeadDuplicatesRequestOptional = TypedDict('_LeadDuplicatesRequestOptional', {
    'incoming': Lead,
    'windowSeconds': int,
    'pipeline': Pipeline,
}, total=False)


class LeadDuplicatesRequest(_LeadDuplicatesRequestRequired, _LeadDuplicatesRequestOptional):
    """{"calculate": "leadDuplicates"}: duplicate groups and pairs among leads; with incoming (and windowSeconds, optionally pipeline), the intake decision."""


_LeadDuplicatesResultGroupsRequired = TypedDict('_LeadDuplicatesResultGroupsRequired', {
    'key': str,
    'leadIDs': List[str],
})


class LeadDuplicatesResultGroups(_LeadDuplicatesResultGroupsRequired):
    """The `LeadDuplicatesResultGroups` object."""


_LeadDuplicatesResultPairsRequired = TypedDict('_LeadDuplicatesResultPairsRequired', {
    'first': str,
    'second': str,
    'reasons': List[Literal['email', 'phone', 'name', 'possibleEmail']],
    'duplicate': bool,
})


class LeadDuplicatesResultPairs(_LeadDuplicatesResultPairsRequired):
    """The `LeadDuplicatesResultPairs` object."""


_LeadDuplicatesResultIntakeAttachRequired = TypedDict('_LeadDuplicatesResultIntakeAttachRequired', {
    'decision': Literal['attach'],
    'leadID': str,
    'reasons': List[Literal['email', 'phone', 'name', 'possibleEmail']],
})


class LeadDuplicatesResultIntakeAttach(_LeadDuplicatesResultIntakeAttachRequired):
    """The `LeadDuplicatesResultIntakeAttach` object."""


_LeadDuplicatesResultIntakeCreateRequired = TypedDict('_LeadDuplicatesResultIntakeCreateRequired', {
    'decision': Literal['create'],
    'matches': List[str],
})


class LeadDuplicatesResultIntakeCreate(_LeadDuplicatesResultIntakeCreateRequired):
    """The `LeadDuplicatesResultIntakeCreate` object."""


_LeadDuplicatesResultRequired = TypedDict('_LeadDuplicatesResultRequired', {
    'calculate': Literal['leadDuplicates'],
    'groups': List[LeadDuplicatesResultGroups],
    'pairs': List[LeadDuplicatesResultPairs],
})
_LeadDuplicatesResultOptional = TypedDict('_LeadDuplicatesResultOptional', {'intake': Union[LeadDuplicatesResultIntakeAttach, LeadDuplicatesResultIntakeCreate]}, total=False)


class LeadDuplicatesResult(_LeadDuplicatesResultRequired, _LeadDuplicatesResultOptional):
    """The leadDuplicates result."""


_LeadMergeRequestRequired = TypedDict('_LeadMergeRequestRequired', {
    'calculate': Literal['leadMerge'],
    'leads': List[Lead],
})
_LeadMergeRequestOptional = TypedDict('_LeadMergeRequestOptional', {'pipeline': Pipeline}, total=False)


class LeadMergeRequest(_LeadMergeRequestRequired, _LeadMergeRequestOptional):
    """{"calculate": "leadMerge"}: merges duplicate leads into the survivor."""


_LeadMergeResultRequired = TypedDict('_LeadMergeResultRequired', {
    'calculate': Literal['leadMerge'],
    'survivorID': str,
    'absorbedIDs': List[str],
    'activityCount': int,
    'lead': LeadRecord,
})


class LeadMergeResult(_LeadMergeResultRequired):
    """The leadMerge result."""


_ActivityInsightsRequestRequired = TypedDict('_ActivityInsightsRequestRequired', {
    'calculate': Literal['activityInsights'],
    'lead': Lead,
})
_ActivityInsightsRequestOptional = TypedDict('_ActivityInsightsRequestOptional', {'by': Literal['customer', 'dealer', 'all']}, total=False)


class ActivityInsightsRequest(_ActivityInsightsRequestRequired, _ActivityInsightsRequestOptional):
    """{"calculate": "activityInsights"}: the lead's deal-term changes, optionally by one actor."""


_ActivityInsightsResultRequired = TypedDict('_ActivityInsightsResultRequired', {
    'calculate': Literal['activityInsights'],
    'by': Literal['customer', 'dealer', 'all'],
    'changes': List[Activity],
})


class ActivityInsightsResult(_ActivityInsightsResultRequired):
    """The activityInsights result."""


_VINValidateRequestRequired = TypedDict('_VINValidateRequestRequired', {
    'calculate': Literal['vinValidate'],
    'vin': str,
})


class VINValidateRequest(_VINValidateRequestRequired):
    """{"calculate": "vinValidate"}: checks a VIN (ISO 3779 / 49 CFR 565 check digit)."""


_VINValidateResultRequired = TypedDict('_VINValidateResultRequired', {
    'calculate': Literal['vinValidate'],
    'status': Literal['valid', 'checkDigitMismatch', 'invalidCharacters', 'invalidLength'],
    'valid': bool,
    'normalized': str,
    'northAmerican': bool,
    'acceptable': bool,
    'modelYearCandidates': List[int],
})
_VINValidateResultOptional = TypedDict('_VINValidateResultOptional', {
    'computedCheckDigit': str,
    'weightedSum': int,
    'modelYear': int,
}, total=False)


class VINValidateResult(_VINValidateResultRequired, _VINValidateResultOptional):
    """The vinValidate result."""


_PhoneNormalizeRequestRequired = TypedDict('_PhoneNormalizeRequestRequired', {
    'calculate': Literal['phoneNormalize'],
    'phone': str,
})
_PhoneNormalizeRequestOptional = TypedDict('_PhoneNormalizeRequestOptional', {'defaultRegion': Literal['nanp', 'none']}, total=False)


class PhoneNormalizeRequest(_PhoneNormalizeRequestRequired, _PhoneNormalizeRequestOptional):
    """{"calculate": "phoneNormalize"}: a phone number in E.164, or why it is not one."""


_PhoneNormalizeResultRequired = TypedDict('_PhoneNormalizeResultRequired', {
    'calculate': Literal['phoneNormalize'],
    'valid': bool,
})
_PhoneNormalizeResultOptional = TypedDict('_PhoneNormalizeResultOptional', {
    'e164': str,
    'countryCode': str,
    'nationalNumber': str,
    'extension': str,
    'regionVerified': bool,
    'reason': str,
    'message': str,
}, total=False)


class PhoneNormalizeResult(_PhoneNormalizeResultRequired, _PhoneNormalizeResultOptional):
    """The phoneNormalize result."""


_EmailNormalizeRequestRequired = TypedDict('_EmailNormalizeRequestRequired', {
    'calculate': Literal['emailNormalize'],
    'email': str,
})


class EmailNormalizeRequest(_EmailNormalizeRequestRequired):
    """{"calculate": "emailNormalize"}: a normalized e-mail address and its duplicate keys, or why it is not one."""


_EmailNormalizeResultRequired = TypedDict('_EmailNormalizeResultRequired', {
    'calculate': Literal['emailNormalize'],
    'valid': bool,
})
_EmailNormalizeResultOptional = TypedDict('_EmailNormalizeResultOptional', {
    'normalized': str,
    'key': str,
    'domain': str,
    'possibleDuplicateKey': str,
    'internationalized': bool,
    'reason': str,
    'message': str,
}, total=False)


class EmailNormalizeResult(_EmailNormalizeResultRequired, _EmailNormalizeResultOptional):
    """The emailNormalize result."""


_ADFParseRequestRequired = TypedDict('_ADFParseRequestRequired', {'calculate': Literal['adfParse']})
_ADFParseRequestOptional = TypedDict('_ADFParseRequestOptional', {
    'xml': str,
    'xmlBase64': str,
    'leadId': str,
    'receivedAt': InstantText,
    'defaultUtcOffset': str,
}, total=False)


class ADFParseRequest(_ADFParseRequestRequired, _ADFParseRequestOptional):
    """{"calculate": "adfParse"}: reads an ADF (Auto-lead Data Format) document into leads."""


_ADFParseResultLeadsRequired = TypedDict('_ADFParseResultLeadsRequired', {
    'lead': LeadRecord,
    'isResend': bool,
    'wantsTestDrive': bool,
})
_ADFParseResultLeadsOptional = TypedDict('_ADFParseResultLeadsOptional', {
    'dealerName': str,
    'financingMethod': Literal['cash', 'finance', 'lease'],
}, total=False)


class ADFParseResultLeads(_ADFParseResultLeadsRequired, _ADFParseResultLeadsOptional):
    """The `ADFParseResultLeads` object."""


_ADFParseResultDiagnosticsRequired = TypedDict('_ADFParseResultDiagnosticsRequired', {
    'path': str,
    'message': str,
})


class ADFParseResultDiagnostics(_ADFParseResultDiagnosticsRequired):
    """The `ADFParseResultDiagnostics` object."""


_ADFParseResultRequired = TypedDict('_ADFParseResultRequired', {
    'calculate': Literal['adfParse'],
    'leads': List[ADFParseResultLeads],
    'diagnostics': List[ADFParseResultDiagnostics],
})


class ADFParseResult(_ADFParseResultRequired):
    """The adfParse result."""


_ADFGenerateRequestRequired = TypedDict('_ADFGenerateRequestRequired', {
    'calculate': Literal['adfGenerate'],
    'leads': List[Lead],
})
_ADFGenerateRequestOptional = TypedDict('_ADFGenerateRequestOptional', {
    'dealerName': str,
    'financingMethod': Literal['cash', 'finance', 'lease'],
}, total=False)


class ADFGenerateRequest(_ADFGenerateRequestRequired, _ADFGenerateRequestOptional):
    """{"calculate": "adfGenerate"}: writes leads as an ADF document (one prospect per lead). dealerName may be left out when every lead has a vendor.name."""


_ADFGenerateResultRequired = TypedDict('_ADFGenerateResultRequired', {
    'calculate': Literal['adfGenerate'],
    'xml': str,
})


class ADFGenerateResult(_ADFGenerateResultRequired):
    """The adfGenerate result."""


_LeadReportRequestRequired = TypedDict('_LeadReportRequestRequired', {
    'calculate': Literal['leadReport'],
    'report': Literal['hotSheet', 'funnel', 'conversionBySource', 'conversionBySalesperson', 'conversionByVehicleType', 'responseTime', 'timeInStage'],
    'leads': List[Lead],
    'from': InstantText,
    'to': InstantText,
    'asOf': InstantText,
})
_LeadReportRequestOptional = TypedDict('_LeadReportRequestOptional', {
    'excludedIds': List[str],
    'pipeline': Pipeline,
    'timeZone': TimeZone,
    'responseTargetSeconds': int,
    'countsAutomatedTouches': bool,
    'qualifiedStage': str,
    'spend': Dict[str, DecimalText],
    'grossProfit': Dict[str, DecimalText],
}, total=False)


class LeadReportRequest(_LeadReportRequestRequired, _LeadReportRequestOptional):
    """{"calculate": "leadReport"}: one of the lead reports as a table of text cells."""


_LeadReportResultRequired = TypedDict('_LeadReportResultRequired', {
    'calculate': Literal['leadReport'],
    'report': Literal['hotSheet', 'funnel', 'conversionBySource', 'conversionBySalesperson', 'conversionByVehicleType', 'responseTime', 'timeInStage'],
    'asOf': InstantText,
    'cohort': int,
    'excluded': int,
    'columns': List[str],
    'rows': List[Dict[str, str]],
})


class LeadReportResult(_LeadReportResultRequired):
    """The leadReport result."""


_LeadSummaryRequestDealRequired = TypedDict('_LeadSummaryRequestDealRequired', {
    'sellingPrice': DecimalText,
    'apr': DecimalText,
    'term': int,
})
_LeadSummaryRequestDealOptional = TypedDict('_LeadSummaryRequestDealOptional', {
    'currency': str,
    'msrp': DecimalText,
    'addOns': List[LoanRequestAddOns],
    'products': List[LoanRequestProducts],
    'fees': List[LoanRequestFees],
    'tradeIns': List[LoanRequestTradeIns],
    'downPayment': DecimalText,
    'rebates': List[LoanRequestRebates],
    'tax': LoanRequestTax,
    'frequency': Literal['monthly', 'semimonthly', 'biweekly', 'weekly', 'quarterly', 'semiannual', 'annual'],
    'paymentTiming': Literal['arrears', 'advance'],
    'balloon': LoanRequestBalloon,
    'contractDate': DateText,
    'firstPaymentDate': DateText,
    'oddDays': Literal['spread', 'firstPayment', 'ignore'],
    'rounding': Union[str, RoundingOverrides],
    'includeSchedule': bool,
    'explain': bool,
}, total=False)


class LeadSummaryRequestDeal(_LeadSummaryRequestDealRequired, _LeadSummaryRequestDealOptional):
    """The deal: a loan request's fields without "calculate" (and no solveFor)."""


_LeadSummaryRequestRequired = TypedDict('_LeadSummaryRequestRequired', {
    'calculate': Literal['leadSummary'],
    'lead': Lead,
})
_LeadSummaryRequestOptional = TypedDict('_LeadSummaryRequestOptional', {
    'deal': LeadSummaryRequestDeal,
    'insights': Literal['customer', 'dealer', 'all'],
}, total=False)


class LeadSummaryRequest(_LeadSummaryRequestRequired, _LeadSummaryRequestOptional):
    """{"calculate": "leadSummary"}: the Lead Summary's five sections; paymentBreakdown is the loan result of deal."""


_LeadSummaryResultDealSummaryRequired = TypedDict('_LeadSummaryResultDealSummaryRequired', {
    'asset': str,
    'leadId': str,
    'status': str,
    'netFinancedAmount': DecimalText,
    'dealType': str,
    'rate': DecimalText,
    'estimatedPayment': DecimalText,
})
_LeadSummaryResultDealSummaryOptional = TypedDict('_LeadSummaryResultDealSummaryOptional', {'vin': str}, total=False)


class LeadSummaryResultDealSummary(_LeadSummaryResultDealSummaryRequired, _LeadSummaryResultDealSummaryOptional):
    """The `LeadSummaryResultDealSummary` object."""


_LeadSummaryResultActivityInsightsTermChangesRequired = TypedDict('_LeadSummaryResultActivityInsightsTermChangesRequired', {
    'at': InstantText,
    'actor': str,
    'term': str,
    'to': str,
})
_LeadSummaryResultActivityInsightsTermChangesOptional = TypedDict('_LeadSummaryResultActivityInsightsTermChangesOptional', {'from': str}, total=False)


class LeadSummaryResultActivityInsightsTermChanges(_LeadSummaryResultActivityInsightsTermChangesRequired, _LeadSummaryResultActivityInsightsTermChangesOptional):
    """The `LeadSummaryResultActivityInsightsTermChanges` object."""


_LeadSummaryResultActivityInsightsRequired = TypedDict('_LeadSummaryResultActivityInsightsRequired', {
    'total': int,
    'countsByKind': Dict[str, int],
    'filter': Literal['customer', 'dealer', 'all'],
    'termChanges': List[LeadSummaryResultActivityInsightsTermChanges],
})
_LeadSummaryResultActivityInsightsOptional = TypedDict('_LeadSummaryResultActivityInsightsOptional', {'lastActivityAt': InstantText}, total=False)


class LeadSummaryResultActivityInsights(_LeadSummaryResultActivityInsightsRequired, _LeadSummaryResultActivityInsightsOptional):
    """The `LeadSummaryResultActivityInsights` object."""


_LeadSummaryResultCustomerDetailsRequired = TypedDict('_LeadSummaryResultCustomerDetailsRequired', {'name': str})
_LeadSummaryResultCustomerDetailsOptional = TypedDict('_LeadSummaryResultCustomerDetailsOptional', {
    'email': str,
    'phone': str,
    'preferredContact': str,
    'postalCode': str,
    'regionCode': str,
}, total=False)


class LeadSummaryResultCustomerDetails(_LeadSummaryResultCustomerDetailsRequired, _LeadSummaryResultCustomerDetailsOptional):
    """The `LeadSummaryResultCustomerDetails` object."""


_LeadSummaryResultAssetDetailsOptional = TypedDict('_LeadSummaryResultAssetDetailsOptional', {
    'year': int,
    'make': str,
    'model': str,
    'trim': str,
    'vin': str,
    'condition': str,
    'stockNumber': str,
    'mileage': int,
    'price': DecimalText,
}, total=False)


class LeadSummaryResultAssetDetails(_LeadSummaryResultAssetDetailsOptional):
    """The `LeadSummaryResultAssetDetails` object."""


_LeadSummaryResultRequired = TypedDict('_LeadSummaryResultRequired', {
    'calculate': Literal['leadSummary'],
    'activityInsights': LeadSummaryResultActivityInsights,
    'customerDetails': LeadSummaryResultCustomerDetails,
})
_LeadSummaryResultOptional = TypedDict('_LeadSummaryResultOptional', {
    'dealSummary': LeadSummaryResultDealSummary,
    'assetDetails': LeadSummaryResultAssetDetails,
    'paymentBreakdown': LoanResult,
}, total=False)


class LeadSummaryResult(_LeadSummaryResultRequired, _LeadSummaryResultOptional):
    """The leadSummary result."""


Request = Union[LoanRequest, LeaseRequest, APRRequest, TVMRequest, GridRequest, PayoffRequest, ReconcileRequest, LeadScoreRequest, LeadIndicatorsRequest, LeadTransitionRequest, DealTransitionRequest, LeadAssignRequest, FollowUpDueRequest, LeadDuplicatesRequest, LeadMergeRequest, ActivityInsightsRequest, VINValidateRequest, PhoneNormalizeRequest, EmailNormalizeRequest, ADFParseRequest, ADFGenerateRequest, LeadReportRequest, LeadSummaryRequest]
"""Any request object."""
Result = Union[LoanResult, LeaseResult, APRResult, TVMResult, GridResult, PayoffResult, ReconcileResult, LeadScoreResult, LeadIndicatorsResult, LeadTransitionResult, DealTransitionResult, LeadAssignResult, FollowUpDueResult, LeadDuplicatesResult, LeadMergeResult, ActivityInsightsResult, VINValidateResult, PhoneNormalizeResult, EmailNormalizeResult, ADFParseResult, ADFGenerateResult, LeadReportResult, LeadSummaryResult]
"""Any result object (an error raises DealFinanceError instead)."""
KINDS = {
    'loan': (LoanRequest, LoanResult),
    'lease': (LeaseRequest, LeaseResult),
    'apr': (APRRequest, APRResult),
    'tvm': (TVMRequest, TVMResult),
    'grid': (GridRequest, GridResult),
    'payoff': (PayoffRequest, PayoffResult),
    'reconcile': (ReconcileRequest, ReconcileResult),
    'leadScore': (LeadScoreRequest, LeadScoreResult),
    'leadIndicators': (LeadIndicatorsRequest, LeadIndicatorsResult),
    'leadTransition': (LeadTransitionRequest, LeadTransitionResult),
    'dealTransition': (DealTransitionRequest, DealTransitionResult),
    'leadAssign': (LeadAssignRequest, LeadAssignResult),
    'followUpDue': (FollowUpDueRequest, FollowUpDueResult),
    'leadDuplicates': (LeadDuplicatesRequest, LeadDuplicatesResult),
    'leadMerge': (LeadMergeRequest, LeadMergeResult),
    'activityInsights': (ActivityInsightsRequest, ActivityInsightsResult),
    'vinValidate': (VINValidateRequest, VINValidateResult),
    'phoneNormalize': (PhoneNormalizeRequest, PhoneNormalizeResult),
    'emailNormalize': (EmailNormalizeRequest, EmailNormalizeResult),
    'adfParse': (ADFParseRequest, ADFParseResult),
    'adfGenerate': (ADFGenerateRequest, ADFGenerateResult),
    'leadReport': (LeadReportRequest, LeadReportResult),
    'leadSummary': (LeadSummaryRequest, LeadSummaryResult),
}
"""Each `calculate` value with its request and result TypedDict."""
