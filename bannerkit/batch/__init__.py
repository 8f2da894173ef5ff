"""Stage 5: a full set of designs for every unit of a spec, in parallel, resumable, traceable."""

from .plan import Settings, Task, safe_segment
from .run import Report, check, run_batch
from .spec import Problem, read_spec

# The library's names for them (bannerkit.BatchSettings, ...).
BatchSettings, BatchReport, check_spec = Settings, Report, check

__all__ = ["BatchReport", "BatchSettings", "Problem", "Report", "Settings", "Task", "check", "check_spec", "read_spec",
           "run_batch", "safe_segment"]
