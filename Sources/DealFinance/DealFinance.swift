// DealFinance — the module users import. It re-exports the smaller modules; see README.md.
@_exported import DealDecimal
@_exported import DealEngine
@_exported import DealJSON
@_exported import DealLeads
@_exported import DealRequests
