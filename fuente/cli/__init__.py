"""fuente's command line. Only this package prints; everything else returns data."""

from fuente.cli.actors import actors_group
from fuente.cli.claims import claims_command, contradictions_command
from fuente.cli.commands import main
from fuente.cli.kb import kb_group
from fuente.cli.search import search_command

main.add_command(actors_group)
main.add_command(claims_command)
main.add_command(contradictions_command)
main.add_command(kb_group)
main.add_command(search_command)

__all__ = ["main"]
