// DealFinance — make api-check: `import DealFinance` does not bring the JSON implementation (must NOT compile).
import DealFinance

let value: JSONValue? = nil
