import TIPCLI

TIPStatCommand.main()
