"""The yearly disclosure report: table computations, catalogue figures, publishing and XLSX export."""
