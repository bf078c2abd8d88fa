from keepwell.cli import main

main()
