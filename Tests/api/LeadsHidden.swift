// DealFinance — make api-check: `import DealFinance` does not bring the lead model (must NOT compile).
import DealFinance

let lead: Lead? = nil
