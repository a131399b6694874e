from fuente.cli import main

main()
