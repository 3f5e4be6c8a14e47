// DealFinance — the pricing module users import (README.md). It re-exports the exact decimals,
// the engine and the JSON request interface; the lead model is the separate product DealLeads
// (`import DealLeads`), and the JSON reader/writer (DealJSON) is an implementation detail.
@_exported import DealDecimal
@_exported import DealEngine
@_exported import DealRequests
