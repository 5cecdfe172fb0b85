print("tipstat")
