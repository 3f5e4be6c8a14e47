// DealFinance — make api-check: the lead model is the product DealLeads (must compile).
import DealLeads

let lead: Lead? = nil
print(lead as Any)
