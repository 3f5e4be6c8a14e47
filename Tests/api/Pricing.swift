// DealFinance — make api-check: what `import DealFinance` gives a pricing user (must compile).
import DealFinance

var total: ExactDecimal = 100
try total += ExactDecimal(parsing: "0.25")
let answer = DealCalculator.answer(requestText: #"{"calculate":"loan","sellingPrice":"1000.00","apr":"0","term":10}"#)
let payment: LevelPayment? = nil
let unit: APRUnitPeriod = .unitPeriod(.monthly)
print(total, answer.json, payment as Any, unit)
