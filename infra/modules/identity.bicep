// A user-assigned managed identity; main.bicep makes two: the app's (storage data, Key Vault, telemetry) and the
// deployment identity (the package container only). User-assigned rather than system-assigned so that their role
// assignments exist before the Function App is created: the app can read Key Vault and storage from its first start.

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
