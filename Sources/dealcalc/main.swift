// DealFinance — exact deal finance. dealcalc: the command line (Documentation/Reference/Dealcalc.md).

DealCalc.runAsCommandLine()
