#!/bin/sh
# Runs `slo check` the way a CI job wants it: JUnit XML and a Markdown report written to files,
# annotations on GitHub, the Markdown also as the job summary. The GitHub Action (src/dist/github/action.yml)
# and the GitLab template (src/dist/ci/gitlab/slo.gitlab-ci.yml) both run this script; SloArchiveIT runs it too.
#
#   SLO_SPECS    spec files or folders, separated by spaces (default: slo-specs)
#   SLO_ARGS     more options for slo check, such as "--fail-on alert --at now"
#   SLO_REPORTS  folder for slo-junit.xml and slo-report.md (default: .)
#   SLO          the slo command (default: slo on PATH)
# Exit code: slo check's (0 passed, 1 a gate failed, 2 spec error, 3 data error).
set -u
slo=${SLO:-slo}
reports=${SLO_REPORTS:-.}
mkdir -p "$reports"
format=text
if [ -n "${GITHUB_ACTIONS:-}" ]; then format=github; fi
status=0
# shellcheck disable=SC2086 # SLO_SPECS and SLO_ARGS are lists of words
"$slo" check ${SLO_SPECS:-slo-specs} ${SLO_ARGS:-} \
  --format "$format" \
  --output "junit=$reports/slo-junit.xml" \
  --output "markdown=$reports/slo-report.md" || status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$reports/slo-report.md" ]; then
  cat "$reports/slo-report.md" >> "$GITHUB_STEP_SUMMARY"
fi
echo "slo check exited with $status; reports in $reports/slo-junit.xml and $reports/slo-report.md" >&2
exit "$status"
