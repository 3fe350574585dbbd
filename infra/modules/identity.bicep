// The app's user-assigned managed identity. User-assigned rather than system-assigned so that its role assignments
// exist before the Function App is created: the app can read Key Vault and storage from its first start.

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
