import VerneCore
