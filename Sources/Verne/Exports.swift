// The umbrella module: `import Verne` brings every service and the core types.
@_exported import VerneCore
@_exported import VerneGate
@_exported import VerneRelay
